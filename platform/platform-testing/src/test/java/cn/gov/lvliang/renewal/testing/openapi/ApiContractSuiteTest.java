package cn.gov.lvliang.renewal.testing.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ApiContractSuiteTest {

    private static ApiOperation operation(String method, String path, String operationId) {
        return new ApiOperation(
                method, path, List.of(), List.of(), Map.of(), false, true, Set.of(), List.of(), operationId);
    }

    @Test
    void acceptsUniqueVerbNounIds() {
        assertThat(ApiContractSuite.operationIdProblems(List.of(
                        operation("GET", "/api/claims/{id}", "getClaim"),
                        operation("POST", "/api/claims/{id}/approve", "approveClaim"))))
                .isEmpty();
    }

    @Test
    void reportsAMissingId() {
        assertThat(ApiContractSuite.operationIdProblems(List.of(operation("GET", "/api/claims", null))))
                .containsExactly("GET /api/claims: no operationId");
    }

    @Test
    void reportsACollision() {
        assertThat(ApiContractSuite.operationIdProblems(List.of(
                        operation("GET", "/api/claims", "listClaims"),
                        operation("GET", "/api/claims/{id}", "listClaims"))))
                .containsExactly("GET /api/claims/{id}: operationId 'listClaims' is also used by GET /api/claims");
    }

    @Test
    void reportsAnIdThatIsNotAVerbNoun() {
        assertThat(ApiContractSuite.operationIdProblems(List.of(
                        operation("GET", "/api/claims", "api_subsidies_claims_get"), operation("GET", "/x", "claims"))))
                .hasSize(2);
    }

    @Test
    void findsJavaOnlyPatternsAnywhereInTheDocument() {
        String json = """
                {"components": {"schemas": {"Equipment": {"properties": {
                  "assetTag": {"type": "string", "pattern": "[\\\\p{L}\\\\p{N}][\\\\p{L}_./-]{0,63}"},
                  "county": {"type": "string", "pattern": "\\\\d{6}"},
                  "code": {"type": "string", "pattern": "(?i)[a-z]++"}}}}},
                 "paths": {"/x": {"get": {"parameters": [{"schema": {"pattern": "[A-Z0-9-]{2,20}"}}]}}}}
                """;

        assertThat(ApiContractSuite.nonPortablePatterns(json))
                .containsExactlyInAnyOrder(
                        "/components/schemas/Equipment/properties/assetTag/pattern: [\\p{L}\\p{N}][\\p{L}_./-]{0,63}",
                        "/components/schemas/Equipment/properties/code/pattern: (?i)[a-z]++");
    }
}
