package cn.gov.lvliang.renewal.tasks;

import cn.gov.lvliang.renewal.testing.SuiteInfrastructure;
import io.quarkus.test.common.QuarkusTestResource;

/** Starts one real PostgreSQL and one real Kafka broker for all tests of this module. */
@QuarkusTestResource(value = SuiteInfrastructure.class, restrictToAnnotatedClass = false)
public class TestInfrastructure {}
