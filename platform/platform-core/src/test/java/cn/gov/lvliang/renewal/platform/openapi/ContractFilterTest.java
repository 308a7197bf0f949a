package cn.gov.lvliang.renewal.platform.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.lvliang.renewal.platform.security.Roles;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.security.SecurityScheme;
import org.junit.jupiter.api.Test;

class ContractFilterTest {

    private static Path realmFile() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.exists(dir.resolve("deploy/keycloak/lvliang-renewal-realm.json"))) {
            dir = dir.getParent();
        }
        assertThat(dir).as("the repository root above the working directory").isNotNull();
        return dir.resolve("deploy/keycloak/lvliang-renewal-realm.json");
    }

    @Test
    void theScopesAreTheRolesOfTheKeycloakRealmWithTheirDescriptions() throws IOException {
        JsonNode realm = new ObjectMapper().readTree(Files.readString(realmFile()));
        Map<String, String> realmRoles = new HashMap<>();
        realm.path("roles")
                .path("realm")
                .forEach(role -> realmRoles.put(
                        role.path("name").asText(), role.path("description").asText()));

        assertThat(ContractFilter.ROLES).isEqualTo(realmRoles);
        assertThat(ContractFilter.ROLES.keySet()).isEqualTo(Roles.ALL);
    }

    @Test
    void theSchemeIsOAuth2WithAnAuthorizationCodeAndAClientCredentialsFlow() {
        SecurityScheme scheme = ContractFilter.securityScheme();

        assertThat(scheme.getType()).isEqualTo(SecurityScheme.Type.OAUTH2);
        assertThat(scheme.getFlows().getAuthorizationCode().getScopes()).isEqualTo(ContractFilter.ROLES);
        assertThat(scheme.getFlows().getClientCredentials().getScopes()).isEqualTo(ContractFilter.ROLES);
        assertThat(scheme.getFlows().getClientCredentials().getTokenUrl()).endsWith("/protocol/openid-connect/token");
    }

    @Test
    void keepsTheSchemasTheOperationsUseDirectlyOrThroughOthersAndDropsTheRest() {
        OpenAPI openAPI = OASFactory.createOpenAPI()
                .components(OASFactory.createComponents()
                        .addSchema(
                                "Claim",
                                OASFactory.createSchema()
                                        .addProperty(
                                                "money",
                                                OASFactory.createSchema().ref("Money")))
                        .addSchema("Money", OASFactory.createSchema().type(List.of(Schema.SchemaType.STRING)))
                        .addSchema("DeadLetterPage", OASFactory.createSchema()))
                .paths(
                        OASFactory.createPaths()
                                .addPathItem(
                                        "/api/claims/{id}",
                                        OASFactory.createPathItem()
                                                .GET(
                                                        OASFactory.createOperation()
                                                                .responses(
                                                                        OASFactory.createAPIResponses()
                                                                                .addAPIResponse(
                                                                                        "200",
                                                                                        OASFactory.createAPIResponse()
                                                                                                .description("found")
                                                                                                .content(
                                                                                                        OASFactory
                                                                                                                .createContent()
                                                                                                                .addMediaType(
                                                                                                                        "application/json",
                                                                                                                        OASFactory
                                                                                                                                .createMediaType()
                                                                                                                                .schema(
                                                                                                                                        OASFactory
                                                                                                                                                .createSchema()
                                                                                                                                                .ref(
                                                                                                                                                        "Claim")))))))));

        ContractFilter.removeUnusedSchemas(openAPI);

        assertThat(openAPI.getComponents().getSchemas()).containsOnlyKeys("Claim", "Money");
    }
}
