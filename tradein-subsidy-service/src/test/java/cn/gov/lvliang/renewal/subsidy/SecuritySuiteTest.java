package cn.gov.lvliang.renewal.subsidy;

import cn.gov.lvliang.renewal.testing.security.ApiSecuritySuite;
import io.quarkus.test.junit.QuarkusTest;

/** The suite-wide security checks over every operation of this service (docs/security.md). */
@QuarkusTest
class SecuritySuiteTest extends ApiSecuritySuite {

    @Override
    protected String module() {
        return "tradein-subsidy-service";
    }
}
