package cn.gov.lvliang.renewal.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.swagger.parser.OpenAPIParser;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import java.io.IOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The generated client's methods are named after the documents' operation ids, one for one. */
class ClientMethodsTest {

    @ParameterizedTest
    @CsvSource({
        "tasks-service, tasks",
        "equipment-inventory-service, equipment",
        "tradein-subsidy-service, subsidy",
        "recycling-service, recycling"
    })
    void everyOperationIdIsAMethodOfTheGeneratedClientAndNothingElseIs(String module, String pkg)
            throws IOException, URISyntaxException {
        OpenAPI document = new OpenAPIParser()
                .readContents(Files.readString(ApiDocumentsTest.DOCS.resolve(module + ".yaml")), null, null)
                .getOpenAPI();
        Set<String> operationIds = document.getPaths().values().stream()
                .map(PathItem::readOperations)
                .flatMap(operations -> operations.stream().map(Operation::getOperationId))
                .collect(Collectors.toCollection(TreeSet::new));

        assertThat(clientMethods("cn.gov.lvliang.renewal.client." + pkg + ".api"))
                .isEqualTo(operationIds);
    }

    /** The public methods of the generated API classes, without their *WithHttpInfo twins. */
    private static Set<String> clientMethods(String apiPackage) throws IOException, URISyntaxException {
        URL folder = ClientMethodsTest.class.getClassLoader().getResource(apiPackage.replace('.', '/'));
        assertThat(folder).as(apiPackage).isNotNull();
        Set<String> methods = new TreeSet<>();
        try (Stream<Path> files = Files.list(Path.of(folder.toURI()))) {
            for (Path file :
                    files.filter(f -> f.toString().endsWith("Api.class")).toList()) {
                String name = file.getFileName().toString();
                Class<?> api = load(apiPackage + "." + name.substring(0, name.length() - ".class".length()));
                Arrays.stream(api.getDeclaredMethods())
                        .filter(method -> Modifier.isPublic(method.getModifiers()))
                        .map(Method::getName)
                        .filter(method -> !method.endsWith("WithHttpInfo") && !GENERATED_HELPERS.contains(method))
                        .forEach(methods::add);
            }
        }
        return methods;
    }

    /** Public methods every generated API class has besides the operations. */
    private static final Set<String> GENERATED_HELPERS = Set.of("getApiClient", "downloadFileFromResponse");

    private static Class<?> load(String name) {
        try {
            return Class.forName(name);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(name, e);
        }
    }
}
