package cn.gov.lvliang.renewal.subsidy;

import cn.gov.lvliang.renewal.testing.openapi.ApiContractSuite;
import io.quarkus.test.junit.QuarkusTest;

/** The API contract checks over this service's OpenAPI document (decision 0026). */
@QuarkusTest
class ApiContractTest extends ApiContractSuite {

    @Override
    protected String module() {
        return "tradein-subsidy-service";
    }
}
