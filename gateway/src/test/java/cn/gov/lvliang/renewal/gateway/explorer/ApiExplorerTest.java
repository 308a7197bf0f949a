package cn.gov.lvliang.renewal.gateway.explorer;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;

import cn.gov.lvliang.renewal.gateway.GatewayTestResource;
import cn.gov.lvliang.renewal.testing.openapi.ApiContractSuite;
import cn.gov.lvliang.renewal.testing.openapi.ApiOperation;
import cn.gov.lvliang.renewal.testing.openapi.ApiOperations;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@QuarkusTest
class ApiExplorerTest {

    @ParameterizedTest
    @ValueSource(
            strings = {"tasks-service", "equipment-inventory-service", "tradein-subsidy-service", "recycling-service"})
    void servesEachBackendsOpenApiDocumentWithoutAToken(String module) {
        given().when()
                .get("/openapi/" + module)
                .then()
                .statusCode(200)
                .contentType("application/json")
                .body("openapi", equalTo("3.1.0"))
                .body("info.title", equalTo(module));
    }

    @Test
    void theGatewaysOwnOperationsHaveUniqueVerbNounOperationIds() {
        List<ApiOperation> operations = ApiOperations.load();

        assertThat(operations).extracting(ApiOperation::operationId).contains("getApiDocument", "issueDevToken");
        assertThat(ApiContractSuite.operationIdProblems(operations)).isEmpty();
    }

    @Test
    void unknownModuleIsA404Problem() {
        given().header("Accept-Language", "en")
                .when()
                .get("/openapi/no-such-service")
                .then()
                .statusCode(404)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:lvliang:renewal:problem:not-found"))
                .body("detail", equalTo("There is no backend service named \"no-such-service\"."));
    }

    @Test
    void documentOfADeadBackendIsA503Problem() {
        GatewayTestResource.backend("recycling-service")
                .whileDown(() -> given().when()
                        .get("/openapi/recycling-service")
                        .then()
                        .statusCode(503)
                        .contentType("application/problem+json")
                        .body("type", equalTo("urn:lvliang:renewal:problem:backend-unavailable"))
                        .body("detail", containsString("recycling-service")));
    }

    @Test
    void swaggerUiListsEveryService() {
        given().when().get("/q/swagger-ui/").then().statusCode(200);
        given().when()
                .get("/q/swagger-ui/index.html")
                .then()
                .statusCode(200)
                .body(containsString("/openapi/tradein-subsidy-service"))
                .body(containsString("/openapi/equipment-inventory-service"));
    }

    @Test
    void theGatewayDocumentsItself() {
        given().when()
                .get("/q/openapi?format=json")
                .then()
                .statusCode(200)
                .body("info.title", equalTo("gateway · API 网关"))
                .body("paths", hasKey("/dev/token"))
                .body("paths", hasKey("/openapi/{name}"));
    }
}
