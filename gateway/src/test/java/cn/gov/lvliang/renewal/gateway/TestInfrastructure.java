package cn.gov.lvliang.renewal.gateway;

import io.quarkus.test.common.QuarkusTestResource;

/** Applies {@link GatewayTestResource} to every test class of this module. */
@QuarkusTestResource(value = GatewayTestResource.class, restrictToAnnotatedClass = false)
public class TestInfrastructure {}
