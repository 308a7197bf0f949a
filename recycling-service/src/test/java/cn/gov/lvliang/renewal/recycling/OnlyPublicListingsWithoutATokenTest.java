package cn.gov.lvliang.renewal.recycling;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Walks every operation of the service's OpenAPI document and calls it without a token: the two
 * public listings answer, everything else answers 401 problem+json.
 */
@QuarkusTest
class OnlyPublicListingsWithoutATokenTest {

    private static final List<String> PUBLIC =
            List.of("GET /api/recycling/public/enterprises", "GET /api/recycling/public/sites");

    @Test
    @SuppressWarnings("unchecked")
    void everyOperationButThePublicListingsNeedsAToken() {
        JsonPath openapi = JsonPath.from(given().queryParam("format", "json")
                .get("/q/openapi")
                .then()
                .statusCode(200)
                .extract()
                .asString());
        Map<String, Map<String, Object>> paths = openapi.getMap("paths");
        List<String> open = new ArrayList<>();
        int checked = 0;
        for (Map.Entry<String, Map<String, Object>> path : paths.entrySet()) {
            if (!path.getKey().startsWith("/api/recycling")) {
                continue;
            }
            String url = path.getKey().replaceAll("\\{[^}]+}", "1");
            for (String method : path.getValue().keySet()) {
                String operation = method.toUpperCase() + " " + path.getKey();
                int status = given().contentType(ContentType.JSON)
                        .body(method.equals("get") ? "" : "{}")
                        .request(method.toUpperCase(), url)
                        .then()
                        .extract()
                        .statusCode();
                checked++;
                if (PUBLIC.contains(operation)) {
                    assertThat(status).as(operation).isEqualTo(200);
                } else if (status != 401) {
                    open.add(operation + " → " + status);
                }
            }
        }
        assertThat(checked).isGreaterThan(30);
        assertThat(open).as("operations answering without a token").isEmpty();
    }
}
