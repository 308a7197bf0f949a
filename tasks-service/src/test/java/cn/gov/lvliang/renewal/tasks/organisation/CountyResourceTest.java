package cn.gov.lvliang.renewal.tasks.organisation;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;

import cn.gov.lvliang.renewal.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

@QuarkusTest
class CountyResourceTest {

    @Test
    void listsTheThirteenCountiesFromTheMigration() {
        given().auth()
                .oauth2(TestTokens.countyOfficer("141102"))
                .get("/api/tasks/counties")
                .then()
                .statusCode(200)
                .body("$", hasSize(13))
                .body("code", hasItem("141124"))
                .body("find { it.code == '141124' }.name", equalTo("临县"));
    }

    @Test
    void requiresAToken() {
        given().get("/api/tasks/counties").then().statusCode(401).contentType("application/problem+json");
        given().header("Accept-Language", "en")
                .get("/api/tasks/counties")
                .then()
                .statusCode(401)
                .body("title", equalTo("Unauthorized"));
    }

    @Test
    void healthAndMetricsAndOpenApiAreServed() {
        given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
        given().get("/q/health/live").then().statusCode(200);
        given().get("/q/metrics").then().statusCode(200);
        given().get("/q/openapi?format=json")
                .then()
                .statusCode(200)
                .body("info.title", equalTo("tasks-service · 任务督办服务"))
                .body("info.version", equalTo("0.1.0"));
    }
}
