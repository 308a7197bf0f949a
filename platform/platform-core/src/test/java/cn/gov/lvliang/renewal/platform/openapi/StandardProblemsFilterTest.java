package cn.gov.lvliang.renewal.platform.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.junit.jupiter.api.Test;

class StandardProblemsFilterTest {

    private static Operation secured() {
        return OASFactory.createOperation()
                .responses(OASFactory.createAPIResponses()
                        .addAPIResponse("200", OASFactory.createAPIResponse().description("OK")))
                .addSecurityRequirement(
                        OASFactory.createSecurityRequirement().addScheme(ContractFilter.SCHEME, List.of("city-admin")));
    }

    private static Parameter query(String name) {
        return OASFactory.createParameter().name(name).in(Parameter.In.QUERY);
    }

    private final Operation create = secured().requestBody(OASFactory.createRequestBody());
    private final Operation read = secured()
            .addParameter(OASFactory.createParameter().name("id").in(Parameter.In.PATH))
            .responses(OASFactory.createAPIResponses()
                    .addAPIResponse("200", OASFactory.createAPIResponse().description("Found"))
                    .addAPIResponse("404", OASFactory.createAPIResponse().description("Unknown thing")));
    private final Operation listPublic = OASFactory.createOperation()
            .addParameter(query("page").schema(OASFactory.createSchema().minimum(BigDecimal.ZERO)))
            .addParameter(query("county"));
    private final Operation closeMonth = secured();
    private final Operation search = secured()
            .addParameter(query("q").required(true))
            .responses(OASFactory.createAPIResponses()
                    .addAPIResponse("400", OASFactory.createAPIResponse().description("No criterion")));

    private OpenAPI document() {
        return OASFactory.createOpenAPI()
                .paths(OASFactory.createPaths()
                        .addPathItem(
                                "/api/things",
                                OASFactory.createPathItem().POST(create).GET(listPublic))
                        .addPathItem(
                                "/api/things/{id}", OASFactory.createPathItem().GET(read))
                        .addPathItem(
                                "/api/things/search",
                                OASFactory.createPathItem().GET(search))
                        .addPathItem(
                                "/api/month-closes/{period}",
                                OASFactory.createPathItem().POST(closeMonth)));
    }

    private static String ref(Operation operation, String code) {
        APIResponse response = operation.getResponses().getAPIResponse(code);
        return response == null ? null : response.getRef();
    }

    @Test
    void addsTheStandardResponsesAnOperationDoesNotDeclare() {
        OpenAPI openAPI = document();

        new StandardProblemsFilter().filterOpenAPI(openAPI);

        assertThat(create.getResponses().getAPIResponses()).containsOnlyKeys("200", "400", "401", "403");
        assertThat(ref(create, "400")).isEqualTo("#/components/responses/BadRequest");
        assertThat(ref(create, "401")).isEqualTo("#/components/responses/Unauthorized");
        assertThat(ref(create, "403")).isEqualTo("#/components/responses/Forbidden");
        assertThat(listPublic.getResponses().getAPIResponses())
                .as("a public listing with a constrained parameter: 400, no 401/403")
                .containsOnlyKeys("400");
        assertThat(closeMonth.getResponses().getAPIResponses())
                .as("a period in the path is a value, not a record: no 404")
                .containsOnlyKeys("200", "401", "403");
    }

    @Test
    void keepsTheResponsesAnOperationDeclaresWithTheirOwnDescription() {
        OpenAPI openAPI = document();

        new StandardProblemsFilter().filterOpenAPI(openAPI);

        assertThat(read.getResponses().getAPIResponses()).containsOnlyKeys("200", "404", "401", "403");
        assertThat(read.getResponses().getAPIResponse("404").getDescription()).isEqualTo("Unknown thing");
        assertThat(read.getResponses().getAPIResponse("404").getRef()).isNull();
        assertThat(search.getResponses().getAPIResponse("400").getDescription()).isEqualTo("No criterion");
    }

    @Test
    void aRecordInThePathAnswers404AndTheSharedResponsesAreProblems() {
        Operation approve =
                secured().addParameter(OASFactory.createParameter().name("id").in(Parameter.In.PATH));
        OpenAPI openAPI = OASFactory.createOpenAPI()
                .paths(OASFactory.createPaths()
                        .addPathItem(
                                "/api/claims/{id}/approve",
                                OASFactory.createPathItem().POST(approve)));

        new StandardProblemsFilter().filterOpenAPI(openAPI);

        assertThat(ref(approve, "404")).isEqualTo("#/components/responses/NotFound");
        assertThat(openAPI.getComponents().getResponses()).containsOnlyKeys("Unauthorized", "Forbidden", "NotFound");
        APIResponse notFound = openAPI.getComponents().getResponses().get("NotFound");
        assertThat(notFound.getDescription())
                .isEqualTo(ContractFilter.STANDARD.get("404").get(1));
        assertThat(notFound.getContent()
                        .getMediaType("application/problem+json")
                        .getSchema()
                        .getRef())
                .isEqualTo("#/components/schemas/Problem");
    }
}
