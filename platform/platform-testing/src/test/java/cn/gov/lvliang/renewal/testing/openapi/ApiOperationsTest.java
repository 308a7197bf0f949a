package cn.gov.lvliang.renewal.testing.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ApiOperationsTest {

    private static final String DOCUMENT = """
            {
              "openapi": "3.1.0",
              "paths": {
                "/api/claims/{id}": {
                  "parameters": [{"name": "id", "in": "path", "required": true}],
                  "get": {
                    "tags": ["Claims"],
                    "operationId": "getClaim",
                    "parameters": [{"$ref": "#/components/parameters/Lang"}],
                    "security": [{"bearer": ["county-officer", "auditor"]}]
                  },
                  "put": {
                    "requestBody": {
                      "required": true,
                      "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Claim"}}}
                    },
                    "security": [{"bearer": []}]
                  }
                },
                "/api/public/sites": {"get": {"security": [{}]}},
                "/q/health": {"get": {}}
              },
              "components": {
                "parameters": {"Lang": {"name": "lang", "in": "query"}},
                "schemas": {
                  "Claim": {"type": "object", "properties": {
                    "amount": {"type": "number"},
                    "parent": {"$ref": "#/components/schemas/Claim"}}}
                }
              }
            }
            """;

    @Test
    void reads_methods_paths_parameters_bodies_and_roles() {
        List<ApiOperation> operations = ApiOperations.parse(DOCUMENT);

        assertThat(operations)
                .extracting(ApiOperation::key)
                .containsExactly(
                        "GET /api/claims/{id}", "PUT /api/claims/{id}", "GET /api/public/sites", "GET /q/health");

        ApiOperation get = operations.get(0);
        assertThat(get.pathParams()).containsExactly("id");
        assertThat(get.queryParams()).containsExactly("lang");
        assertThat(get.secured()).isTrue();
        assertThat(get.roles()).containsExactlyInAnyOrder("county-officer", "auditor");
        assertThat(get.tags()).containsExactly("Claims");
        assertThat(get.operationId()).isEqualTo("getClaim");
        assertThat(get.hasBody()).isFalse();

        ApiOperation put = operations.get(1);
        assertThat(put.secured()).isTrue();
        assertThat(put.roles()).isEmpty();
        assertThat(put.bodyRequired()).isTrue();
        @SuppressWarnings("unchecked")
        Map<String, Object> properties = (Map<String, Object>) put.jsonSchema().get("properties");
        assertThat(properties).containsKeys("amount", "parent");
        assertThat(properties.get("amount")).isEqualTo(Map.of("type", "number"));

        assertThat(operations.get(2).secured()).isFalse();
        assertThat(operations.get(3).secured()).isFalse();
        assertThat(operations.stream().filter(ApiOperations.isApi())).hasSize(3);
    }

    @Test
    void fills_the_path_template_url_encoded() {
        ApiOperation get = ApiOperations.parse(DOCUMENT).get(0);

        assertThat(get.concretePath(name -> "a b/c")).isEqualTo("/api/claims/a%20b%2Fc");
    }
}
