package cn.gov.lvliang.renewal.testing.openapi;

import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Walks the operations of an OpenAPI 3 document, so that a test can cover every endpoint a module
 * declares, and fails when a new one appears without coverage.
 *
 * <p>In a {@code @QuarkusTest}, {@link #load()} reads the running app's {@code /q/openapi} through
 * RestAssured (whose port Quarkus has set). {@link #parse(String)} reads any document text.
 */
public final class ApiOperations {

    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch", "head", "options");
    private static final int MAX_REF_DEPTH = 12;

    private ApiOperations() {}

    /** Every operation of the app under test, sorted by path then method. */
    public static List<ApiOperation> load() {
        String json = RestAssured.given()
                .accept("application/json")
                .queryParam("format", "json")
                .get("/q/openapi")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        return parse(json);
    }

    /** The operations whose path starts with {@code /api/}: the business API. */
    public static List<ApiOperation> loadApi() {
        return load().stream().filter(isApi()).toList();
    }

    public static Predicate<ApiOperation> isApi() {
        return operation -> operation.path().startsWith("/api/");
    }

    /** Every operation of an OpenAPI 3 JSON document, sorted by path then method. */
    @SuppressWarnings("unchecked")
    public static List<ApiOperation> parse(String openApiJson) {
        Map<String, Object> document = JsonPath.from(openApiJson).getMap("$");
        Map<String, Object> paths = (Map<String, Object>) document.getOrDefault("paths", Map.of());
        List<Object> globalSecurity = (List<Object>) document.get("security");
        List<ApiOperation> operations = new ArrayList<>();
        for (Map.Entry<String, Object> pathEntry : paths.entrySet()) {
            Map<String, Object> pathItem = (Map<String, Object>) pathEntry.getValue();
            List<Object> sharedParameters = (List<Object>) pathItem.getOrDefault("parameters", List.of());
            for (Map.Entry<String, Object> entry : pathItem.entrySet()) {
                if (!METHODS.contains(entry.getKey())) {
                    continue;
                }
                operations.add(operation(
                        document,
                        entry.getKey(),
                        pathEntry.getKey(),
                        (Map<String, Object>) entry.getValue(),
                        sharedParameters,
                        globalSecurity));
            }
        }
        operations.sort(Comparator.comparing(ApiOperation::path).thenComparing(ApiOperation::method));
        return List.copyOf(operations);
    }

    @SuppressWarnings("unchecked")
    private static ApiOperation operation(
            Map<String, Object> document,
            String method,
            String path,
            Map<String, Object> operation,
            List<Object> sharedParameters,
            List<Object> globalSecurity) {
        List<String> queryParams = new ArrayList<>();
        List<Object> parameters = new ArrayList<>(sharedParameters);
        parameters.addAll((List<Object>) operation.getOrDefault("parameters", List.of()));
        for (Object raw : parameters) {
            Map<String, Object> parameter = (Map<String, Object>) resolve(document, raw, 0);
            if ("query".equals(parameter.get("in"))) {
                queryParams.add(String.valueOf(parameter.get("name")));
            }
        }

        Map<String, Map<String, Object>> body = new LinkedHashMap<>();
        boolean bodyRequired = false;
        Object rawBody = operation.get("requestBody");
        if (rawBody != null) {
            Map<String, Object> requestBody = (Map<String, Object>) resolve(document, rawBody, 0);
            bodyRequired = Boolean.TRUE.equals(requestBody.get("required"));
            Map<String, Object> content = (Map<String, Object>) requestBody.getOrDefault("content", Map.of());
            for (Map.Entry<String, Object> media : content.entrySet()) {
                Object schema = ((Map<String, Object>) media.getValue()).get("schema");
                body.put(
                        media.getKey(), schema == null ? Map.of() : (Map<String, Object>) resolve(document, schema, 0));
            }
        }

        List<Object> security = operation.containsKey("security")
                ? (List<Object>) operation.get("security")
                : globalSecurity == null ? List.of() : globalSecurity;
        boolean secured = false;
        Set<String> roles = new LinkedHashSet<>();
        for (Object requirement : security) {
            Map<String, Object> schemes = (Map<String, Object>) requirement;
            if (schemes.isEmpty()) {
                continue; // {} means "anonymous allowed"
            }
            secured = true;
            for (Object scopes : schemes.values()) {
                for (Object role : (List<Object>) scopes) {
                    roles.add(String.valueOf(role));
                }
            }
        }

        return new ApiOperation(
                method.toUpperCase(Locale.ROOT),
                path,
                ApiOperation.templateParams(path),
                queryParams,
                body,
                bodyRequired,
                secured,
                roles,
                (List<String>) operation.getOrDefault("tags", List.of()),
                (String) operation.get("operationId"));
    }

    /** Replaces {@code $ref}s to {@code #/components/...} by their targets, recursively and bounded. */
    @SuppressWarnings("unchecked")
    private static Object resolve(Map<String, Object> document, Object node, int depth) {
        if (node instanceof Map<?, ?> map) {
            Object ref = map.get("$ref");
            if (ref instanceof String pointer && pointer.startsWith("#/") && depth < MAX_REF_DEPTH) {
                Object target = document;
                for (String part : pointer.substring(2).split("/")) {
                    target = target instanceof Map<?, ?> m
                            ? m.get(part.replace("~1", "/").replace("~0", "~"))
                            : null;
                }
                return target == null ? map : resolve(document, target, depth + 1);
            }
            Map<String, Object> copy = new LinkedHashMap<>();
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                copy.put(String.valueOf(entry.getKey()), resolve(document, entry.getValue(), depth));
            }
            return copy;
        }
        if (node instanceof List<?> list) {
            List<Object> copy = new ArrayList<>();
            for (Object item : list) {
                copy.add(resolve(document, item, depth));
            }
            return copy;
        }
        return node;
    }
}
