package cn.gov.lvliang.renewal.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.swagger.parser.OpenAPIParser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.openapitools.openapidiff.core.OpenApiCompare;
import org.openapitools.openapidiff.core.model.ChangedOpenApi;
import org.openapitools.openapidiff.core.output.MarkdownRender;

/**
 * The committed OpenAPI documents (docs/api/, kept equal to the served ones by each service's
 * ApiContractTest) are valid OpenAPI, and none breaks a client of the last released document in
 * docs/api/released/ (decision 0025).
 */
class ApiDocumentsTest {

    static final Path DOCS = Path.of(System.getProperty("api.docs", "../docs/api"));

    static List<String> modules() {
        try (Stream<Path> files = Files.list(DOCS)) {
            return files.map(file -> file.getFileName().toString())
                    .filter(name -> name.endsWith(".yaml") && !name.startsWith("."))
                    .map(name -> name.substring(0, name.length() - ".yaml".length()))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @ParameterizedTest
    @MethodSource("modules")
    void isAValidOpenApiDocument(String module) throws IOException {
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        SwaggerParseResult result =
                new OpenAPIParser().readContents(Files.readString(DOCS.resolve(module + ".yaml")), null, options);

        assertThat(result.getOpenAPI()).as(module).isNotNull();
        assertThat(result.getMessages()).as(module + ": validation messages").isEmpty();
    }

    @ParameterizedTest
    @MethodSource("modules")
    void breaksNoClientOfTheReleasedDocument(String module) throws IOException {
        Path released = DOCS.resolve("released/" + module + ".yaml");
        assertThat(released).as("the last released document of " + module).exists();

        String report = breakingChanges(Files.readString(released), Files.readString(DOCS.resolve(module + ".yaml")));

        assertThat(report)
                .as(
                        "docs/api/%s.yaml breaks clients of docs/api/released/%s.yaml; add a new path or media-type"
                                + " version instead, and deprecate the old one (decision 0025)",
                        module, module)
                .isEmpty();
    }

    /** The openapi-diff report when the change is incompatible, or "" when it is not. */
    static String breakingChanges(String released, String current) {
        ChangedOpenApi diff = OpenApiCompare.fromContents(released, current);
        if (!diff.isIncompatible()) {
            return "";
        }
        ByteArrayOutputStream report = new ByteArrayOutputStream();
        try (OutputStreamWriter writer = new OutputStreamWriter(report, StandardCharsets.UTF_8)) {
            new MarkdownRender().render(diff, writer);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return report.toString(StandardCharsets.UTF_8);
    }
}
