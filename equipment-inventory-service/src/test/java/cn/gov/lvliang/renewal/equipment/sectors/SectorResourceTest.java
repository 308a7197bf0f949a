package cn.gov.lvliang.renewal.equipment.sectors;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import cn.gov.lvliang.renewal.platform.security.Roles;
import cn.gov.lvliang.renewal.testing.TestIdentifiers;
import cn.gov.lvliang.renewal.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

@QuarkusTest
class SectorResourceTest {

    @Test
    void listsTheFifteenSectorsOfTaskOneInOrder() {
        given().auth()
                .oauth2(TestTokens.enterprise(Roles.RECYCLER, TestIdentifiers.creditCode()))
                .get("/api/equipment/sectors")
                .then()
                .statusCode(200)
                .body("$", hasSize(15))
                .body("name[0..2]", contains("煤炭", "焦化", "钢铁"))
                .body("name[14]", equalTo("机械"));
    }

    @Test
    void requiresAValidToken() {
        given().get("/api/equipment/sectors").then().statusCode(401).contentType("application/problem+json");
        given().auth()
                .oauth2("not.a.token")
                .get("/api/equipment/sectors")
                .then()
                .statusCode(401)
                .contentType("application/problem+json");
    }

    /** Decision 0060: readiness is the database's alone; the broker is reported beside it. */
    @Test
    void readinessIsTheDatabaseAndTheBrokerIsReportedAtWellness() {
        given().get("/q/health/ready")
                .then()
                .log()
                .ifValidationFails()
                .statusCode(200)
                .body("checks.name", org.hamcrest.Matchers.hasItem("Database connections health check"))
                .body(
                        "checks.name",
                        org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasItem("Kafka connection health check")))
                .body(
                        "checks.find { it.name == 'SmallRye Reactive Messaging - readiness check' }.data",
                        org.hamcrest.Matchers.nullValue());
        given().get("/q/health/well")
                .then()
                .statusCode(200)
                .body("checks.find { it.name == 'Kafka broker' }.status", org.hamcrest.Matchers.equalTo("UP"))
                .body(
                        "checks.find { it.name == 'Kafka broker' }.data.nodes",
                        org.hamcrest.Matchers.not(org.hamcrest.Matchers.emptyOrNullString()))
                .body(
                        "checks.find { it.name == 'Kafka broker' }.data.outbox_backlog",
                        org.hamcrest.Matchers.notNullValue());
    }
}
