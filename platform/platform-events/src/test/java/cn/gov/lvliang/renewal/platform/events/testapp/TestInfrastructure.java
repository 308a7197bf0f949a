package cn.gov.lvliang.renewal.platform.events.testapp;

import cn.gov.lvliang.renewal.testing.SuiteInfrastructure;
import io.quarkus.test.common.QuarkusTestResource;

/** Starts one real PostgreSQL and one real Kafka broker for the tests of this module. */
@QuarkusTestResource(value = SuiteInfrastructure.class, restrictToAnnotatedClass = false)
public class TestInfrastructure {}
