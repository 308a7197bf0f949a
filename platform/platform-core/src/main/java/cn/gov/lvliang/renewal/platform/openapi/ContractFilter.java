package cn.gov.lvliang.renewal.platform.openapi;

import cn.gov.lvliang.renewal.platform.problem.Problem;
import cn.gov.lvliang.renewal.platform.security.Roles;
import io.quarkus.smallrye.openapi.OpenApiFilter;
import java.lang.reflect.Method;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.Constructible;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.Reference;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.security.OAuthFlow;
import org.eclipse.microprofile.openapi.models.security.SecurityScheme;

/**
 * The conventions every service's OpenAPI document shares, applied once here instead of on each
 * of the ~180 operations (decision 0026):
 *
 * <ul>
 *   <li>the security scheme is the Keycloak realm as an OAuth2 scheme whose scopes are the suite's
 *       roles ({@link #ROLES}), so that tools read the role each operation's security requirement
 *       names (Spectral {@code oas3-operation-security-defined}, generated clients);
 *   <li>every 4xx answer is {@code application/problem+json}: the standard 400, 401 and 403 are
 *       shared responses under {@code components/responses}, and a 4xx an operation declares
 *       without a body gets the {@link Problem} body it has at run time;
 *   <li>only the schemas the document uses stay under {@code components/schemas}: the platform
 *       jars' annotated records (dead-letter pages in a service without dead letters, the raw
 *       {@code Page}) would otherwise be listed unused.
 * </ul>
 *
 * Runs at build time, so the served document is the committed {@code docs/api/<module>.yaml}.
 */
@OpenApiFilter(stages = OpenApiFilter.RunStage.BUILD)
public class ContractFilter implements OASFilter {

    /** The security scheme's name, as Quarkus writes it into each operation's requirement. */
    public static final String SCHEME = "keycloak";

    /** The realm whose endpoints the scheme names; a client replaces the host per environment. */
    static final String REALM = "https://sso.example.gov.cn/realms/lvliang-renewal/protocol/openid-connect";

    /** Each role with its description in the Keycloak realm (deploy/keycloak). */
    static final Map<String, String> ROLES = Map.ofEntries(
            Map.entry(Roles.CITY_ADMIN, "市级管理员"),
            Map.entry(Roles.DEPARTMENT_OFFICER, "市直部门"),
            Map.entry(Roles.COUNTY_OFFICER, "县级经办"),
            Map.entry(Roles.REVIEWER, "审核员"),
            Map.entry(Roles.AUDITOR, "审计：只读"),
            Map.entry(Roles.STATISTICS_BUREAU, "统计局"),
            Map.entry(Roles.SYSTEM_CLIENT, "外部政务系统（客户端凭证）"),
            Map.entry(Roles.DISMANTLER, "报废机动车回收拆解企业"),
            Map.entry(Roles.RECYCLER, "再生资源回收企业"),
            Map.entry(Roles.DEALER, "汽车经销商"),
            Map.entry(Roles.RETAILER, "家电零售商"),
            Map.entry(Roles.USED_CAR_MARKET, "二手车交易市场"),
            Map.entry(Roles.REMANUFACTURER, "再制造企业"),
            Map.entry(Roles.CASCADE_USER, "梯次利用企业"));

    /**
     * The shared responses, by status code, with the name they have under components/responses;
     * {@link StandardProblemsFilter} gives them to the operations that do not declare their own.
     */
    static final Map<String, List<String>> STANDARD = Map.of(
            "400", List.of("BadRequest", "Invalid input: the per-field errors · 参数校验失败"),
            "401", List.of("Unauthorized", "No valid bearer token · 未认证"),
            "403", List.of("Forbidden", "The caller's role may not do this · 无权限"),
            "404", List.of("NotFound", "Unknown, or outside the caller's scope · 不存在或不在权限范围内"));

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        Components components = openAPI.getComponents();
        if (components == null) {
            components = OASFactory.createComponents();
            openAPI.setComponents(components);
        }
        if (components.getSecuritySchemes() != null
                && components.getSecuritySchemes().containsKey(SCHEME)) {
            components.addSecurityScheme(SCHEME, securityScheme());
        }
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        Map<String, APIResponse> shared = new TreeMap<>();
        for (PathItem item : openAPI.getPaths().getPathItems().values()) {
            for (Operation operation : item.getOperations().values()) {
                if (operation.getResponses() == null || operation.getResponses().getAPIResponses() == null) {
                    continue;
                }
                Map<String, APIResponse> responses =
                        new LinkedHashMap<>(operation.getResponses().getAPIResponses());
                for (Map.Entry<String, APIResponse> entry : responses.entrySet()) {
                    APIResponse response = entry.getValue();
                    if (!entry.getKey().startsWith("4") || response.getRef() != null || response.getContent() != null) {
                        continue;
                    }
                    List<String> standard = STANDARD.get(entry.getKey());
                    if (standard != null && isGeneric(response)) {
                        shared.put(standard.get(0), problemResponse(standard.get(1)));
                        operation
                                .getResponses()
                                .addAPIResponse(
                                        entry.getKey(),
                                        OASFactory.createAPIResponse().ref(standard.get(0)));
                    } else {
                        response.setContent(problemContent());
                    }
                }
            }
        }
        shared.forEach(components::addResponse);
        removeUnusedSchemas(openAPI);
    }

    private static final String SCHEMA_REF = "#/components/schemas/";

    static void removeUnusedSchemas(OpenAPI openAPI) {
        Map<String, Schema> schemas = openAPI.getComponents().getSchemas();
        if (schemas == null || schemas.isEmpty()) {
            return;
        }
        Set<String> refs = new HashSet<>();
        Map<String, Schema> saved = new LinkedHashMap<>(schemas);
        openAPI.getComponents().setSchemas(null);
        collectRefs(openAPI, refs);
        openAPI.getComponents().setSchemas(saved);
        Deque<String> pending = new ArrayDeque<>(refs);
        Set<String> used = new HashSet<>();
        while (!pending.isEmpty()) {
            String ref = pending.pop();
            if (!ref.startsWith(SCHEMA_REF) || !used.add(ref.substring(SCHEMA_REF.length()))) {
                continue;
            }
            Set<String> inner = new HashSet<>();
            collectRefs(saved.get(ref.substring(SCHEMA_REF.length())), inner);
            pending.addAll(inner);
        }
        saved.keySet().stream()
                .filter(name -> !used.contains(name))
                .toList()
                .forEach(openAPI.getComponents()::removeSchema);
    }

    /** Every {@code $ref} below a model node, read through the model interfaces' getters. */
    private static void collectRefs(Object node, Set<String> refs) {
        if (node instanceof Map<?, ?> map) {
            map.values().forEach(value -> collectRefs(value, refs));
        } else if (node instanceof Collection<?> collection) {
            collection.forEach(value -> collectRefs(value, refs));
        } else if (node instanceof Constructible) {
            if (node instanceof Reference<?> reference && reference.getRef() != null) {
                refs.add(reference.getRef());
            }
            for (Class<?> type : modelInterfaces(node.getClass(), new LinkedHashSet<>())) {
                collectGetters(type, node, refs);
            }
        }
    }

    /** The MicroProfile model interfaces a class implements, directly or through others. */
    private static Set<Class<?>> modelInterfaces(Class<?> type, Set<Class<?>> found) {
        for (Class<?> current = type; current != null; current = current.getSuperclass()) {
            for (Class<?> implemented : current.getInterfaces()) {
                if (implemented.getPackageName().startsWith("org.eclipse.microprofile.openapi.models")) {
                    found.add(implemented);
                }
                modelInterfaces(implemented, found);
            }
        }
        return found;
    }

    private static void collectGetters(Class<?> type, Object node, Set<String> refs) {
        for (Method getter : type.getMethods()) {
            if (getter.getParameterCount() == 0
                    && getter.getName().startsWith("get")
                    && !getter.getName().equals("getRef")
                    && (Constructible.class.isAssignableFrom(getter.getReturnType())
                            || Map.class.isAssignableFrom(getter.getReturnType())
                            || Collection.class.isAssignableFrom(getter.getReturnType()))) {
                try {
                    collectRefs(getter.invoke(node), refs);
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException("cannot read " + getter, e);
                }
            }
        }
    }

    /** What Quarkus writes when it adds a 400, 401 or 403 by itself: a description and nothing else. */
    private static boolean isGeneric(APIResponse response) {
        return List.of("Bad Request", "Not Authorized", "Not Allowed").contains(response.getDescription());
    }

    static SecurityScheme securityScheme() {
        Map<String, String> scopes = new TreeMap<>(ROLES);
        OAuthFlow code = OASFactory.createOAuthFlow()
                .authorizationUrl(REALM + "/auth")
                .tokenUrl(REALM + "/token")
                .scopes(scopes);
        OAuthFlow clientCredentials =
                OASFactory.createOAuthFlow().tokenUrl(REALM + "/token").scopes(scopes);
        return OASFactory.createSecurityScheme()
                .type(SecurityScheme.Type.OAUTH2)
                .description("Keycloak realm lvliang-renewal: an RS256 JWT whose 'groups' claim holds the roles (the"
                        + " scopes below) and whose 'county', 'department' or 'enterprise' claim limits them")
                .flows(OASFactory.createOAuthFlows().authorizationCode(code).clientCredentials(clientCredentials));
    }

    static APIResponse problemResponse(String description) {
        return OASFactory.createAPIResponse().description(description).content(problemContent());
    }

    private static Content problemContent() {
        return OASFactory.createContent()
                .addMediaType(
                        Problem.MEDIA_TYPE,
                        OASFactory.createMediaType()
                                .schema(OASFactory.createSchema().ref("Problem")));
    }
}
