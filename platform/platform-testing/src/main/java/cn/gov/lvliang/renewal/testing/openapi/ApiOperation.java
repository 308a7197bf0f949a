package cn.gov.lvliang.renewal.testing.openapi;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One operation of an OpenAPI document, as {@link ApiOperations} reads it.
 *
 * @param method the HTTP method, upper case ({@code GET}, {@code POST}, ...)
 * @param path the path template, e.g. {@code /api/claims/{id}}
 * @param pathParams the names of the template's path parameters, in template order
 * @param queryParams the names of the declared query parameters
 * @param requestBody media type to schema of the request body, {@code $ref}s resolved against the
 *     document's components (a cycle stays a {@code $ref}); empty when there is no body
 * @param bodyRequired whether the request body is declared required
 * @param secured whether the operation declares a security requirement (a bearer token)
 * @param roles the roles declared by the security requirement (from {@code @RolesAllowed}); empty
 *     when unsecured or when any authenticated caller may call it
 * @param tags the operation's tags
 * @param operationId the operation id, or {@code null}
 */
public record ApiOperation(
        String method,
        String path,
        List<String> pathParams,
        List<String> queryParams,
        Map<String, Map<String, Object>> requestBody,
        boolean bodyRequired,
        boolean secured,
        Set<String> roles,
        List<String> tags,
        String operationId) {

    private static final Pattern TEMPLATE_PARAM = Pattern.compile("\\{([^}/]+)}");

    public ApiOperation {
        pathParams = List.copyOf(pathParams);
        queryParams = List.copyOf(queryParams);
        requestBody = Map.copyOf(requestBody);
        roles = Set.copyOf(roles);
        tags = List.copyOf(tags);
    }

    /** {@code "GET /api/claims/{id}"}: a stable key for reports and matrices. */
    public String key() {
        return method + " " + path;
    }

    public boolean hasBody() {
        return !requestBody.isEmpty();
    }

    /** The JSON schema of the body, or {@code null} when it takes no JSON body. */
    public Map<String, Object> jsonSchema() {
        return requestBody.get("application/json");
    }

    /** The path with every template parameter replaced by {@code value.apply(name)}, URL-encoded. */
    public String concretePath(Function<String, String> value) {
        Matcher matcher = TEMPLATE_PARAM.matcher(path);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            String replacement = java.net.URLEncoder.encode(
                            value.apply(matcher.group(1)), java.nio.charset.StandardCharsets.UTF_8)
                    .replace("+", "%20");
            matcher.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        matcher.appendTail(out);
        return out.toString();
    }

    static List<String> templateParams(String path) {
        Matcher matcher = TEMPLATE_PARAM.matcher(path);
        List<String> names = new java.util.ArrayList<>();
        while (matcher.find()) {
            names.add(matcher.group(1));
        }
        return names;
    }

    @Override
    public String toString() {
        return key();
    }
}
