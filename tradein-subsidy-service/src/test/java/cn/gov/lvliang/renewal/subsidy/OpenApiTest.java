package cn.gov.lvliang.renewal.subsidy;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every operation of the subsidy API is documented: summary, description, tag, success and error responses. */
@QuarkusTest
class OpenApiTest {

    @Test
    void everyOperationHasASummaryADescriptionATagAndErrorResponses() throws Exception {
        String document = given().accept("application/json")
                .get("/q/openapi?format=json")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        JsonNode paths = new ObjectMapper().readTree(document).path("paths");
        List<String> operations = new ArrayList<>();
        for (Map.Entry<String, JsonNode> path : paths.properties()) {
            if (!path.getKey().startsWith("/api/subsidies")) {
                continue;
            }
            for (Map.Entry<String, JsonNode> op : path.getValue().properties()) {
                String name = op.getKey().toUpperCase() + " " + path.getKey();
                operations.add(name);
                JsonNode operation = op.getValue();
                assertThat(operation.path("summary").asText()).as(name).isNotBlank();
                assertThat(operation.path("description").asText()).as(name).isNotBlank();
                assertThat(operation.path("tags").size()).as(name).isPositive();
                List<String> codes = new ArrayList<>();
                operation.path("responses").properties().forEach(e -> codes.add(e.getKey()));
                assertThat(codes).as(name).anyMatch(c -> c.startsWith("2"));
                assertThat(codes).as(name).anyMatch(c -> c.startsWith("4"));
            }
        }
        assertThat(operations)
                .contains(
                        "POST /api/subsidies/claims",
                        "POST /api/subsidies/claims/{id}/approve",
                        "POST /api/subsidies/programmes/{id}/rule-versions",
                        "POST /api/subsidies/budget/allocations",
                        "GET /api/subsidies/budget/reconciliation",
                        "POST /api/subsidies/payment-batches",
                        "GET /api/subsidies/payment-batches/{id}/treasury.csv",
                        "POST /api/subsidies/top-ups");
    }
}
