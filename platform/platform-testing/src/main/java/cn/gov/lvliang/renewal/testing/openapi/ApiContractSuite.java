package cn.gov.lvliang.renewal.testing.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The API contract checks every service runs (decision 0026), on the document the running app
 * serves at {@code /q/openapi}:
 *
 * <ul>
 *   <li>every operation has an {@code operationId}: a verb-noun in lower camel case, unique in
 *       the document (generated clients name their methods after it);
 *   <li>every {@code pattern} is portable: JSON Schema patterns are ECMA-262, and clients in
 *       JavaScript or Python cannot compile Java-only syntax such as {@code \\p{L}} (the CI's
 *       {@code .ci/api-check} also compiles each one with Python and Node);
 *   <li>the served document equals the committed {@code docs/api/<module>.yaml}, which the CI's
 *       lint, validation and breaking-change checks read. Refresh it with {@code
 *       OPENAPI_REFRESH=true ./mvnw -q -pl <module> -am verify -Dtest=ApiContractTest}.
 * </ul>
 *
 * A module extends it with a {@code @QuarkusTest} class naming its document.
 */
public abstract class ApiContractSuite {

    /** Lower camel case, starting with a verb: {@code approveClaim}, {@code listEquipment}. */
    static final Pattern OPERATION_ID = Pattern.compile("[a-z]+(?:[A-Z][a-z0-9]*)+");

    /** The module's name, which is also its document's file name under {@code docs/api/}. */
    protected abstract String module();

    @Test
    void everyOperationHasAUniqueVerbNounOperationId() {
        assertThat(operationIdProblems(ApiOperations.load())).isEmpty();
    }

    @Test
    void theServedDocumentEqualsTheCommittedOne() throws IOException {
        String served = RestAssured.given()
                .accept("application/yaml")
                .get("/q/openapi")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        Path committed = committedDocument(module());
        if (Boolean.parseBoolean(System.getenv("OPENAPI_REFRESH"))) {
            Files.createDirectories(committed.getParent());
            Files.writeString(committed, served, StandardCharsets.UTF_8);
        }
        String expected = Files.exists(committed) ? Files.readString(committed, StandardCharsets.UTF_8) : "";
        assertThat(served)
                .as(
                        "the served OpenAPI document differs from %s; if the change is intended, refresh it with"
                                + " OPENAPI_REFRESH=true ./mvnw -q -pl %s -am verify -Dtest=ApiContractTest"
                                + " -Dsurefire.failIfNoSpecifiedTests=false and commit it",
                        committed, module())
                .isEqualTo(expected);
    }

    @Test
    void everyPatternIsPortable() {
        String json = RestAssured.given()
                .accept("application/json")
                .queryParam("format", "json")
                .get("/q/openapi")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        assertThat(nonPortablePatterns(json)).isEmpty();
    }

    /**
     * Java regex syntax that ECMA-262 (without the {@code u} flag) or Python's {@code re} reads
     * differently or not at all: Unicode and POSIX classes, possessive quantifiers, atomic groups,
     * inline flags, {@code \A \Z \z \h \R}, and character-class intersections.
     */
    static final Pattern JAVA_ONLY = Pattern.compile("\\\\[pP]\\{|[*+?}][+]|\\(\\?[>a-zA-Z]|\\\\[AZzhHRXGQE]|&&\\[");

    /** The {@code pattern} values of a JSON document that use Java-only syntax. */
    public static List<String> nonPortablePatterns(String openApiJson) {
        List<String> problems = new ArrayList<>();
        collectPatterns(JsonPath.from(openApiJson).get("$"), "", problems);
        return problems;
    }

    private static void collectPatterns(Object node, String where, List<String> problems) {
        if (node instanceof Map<?, ?> map) {
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                String at = where + "/" + entry.getKey();
                if ("pattern".equals(entry.getKey()) && entry.getValue() instanceof String regex) {
                    if (JAVA_ONLY.matcher(regex).find()) {
                        problems.add(at + ": " + regex);
                    }
                } else {
                    collectPatterns(entry.getValue(), at, problems);
                }
            }
        } else if (node instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                collectPatterns(list.get(i), where + "/" + i, problems);
            }
        }
    }

    /** The operations lacking an id, with an id that is not a verb-noun, or sharing an id. */
    public static List<String> operationIdProblems(List<ApiOperation> operations) {
        List<String> problems = new ArrayList<>();
        Map<String, String> owners = new HashMap<>();
        for (ApiOperation operation : operations) {
            String id = operation.operationId();
            if (id == null || id.isBlank()) {
                problems.add(operation.key() + ": no operationId");
                continue;
            }
            if (!OPERATION_ID.matcher(id).matches()) {
                problems.add(operation.key() + ": operationId '" + id + "' is not a lower-camel-case verb-noun");
            }
            String previous = owners.putIfAbsent(id, operation.key());
            if (previous != null) {
                problems.add(operation.key() + ": operationId '" + id + "' is also used by " + previous);
            }
        }
        return problems;
    }

    /** {@code docs/api/<module>.yaml} in the repository holding this build. */
    public static Path committedDocument(String module) {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.exists(dir.resolve("docs/decisions"))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new UncheckedIOException(
                    new IOException("no docs/decisions above " + Path.of("").toAbsolutePath()));
        }
        return dir.resolve("docs/api/" + module + ".yaml");
    }
}
