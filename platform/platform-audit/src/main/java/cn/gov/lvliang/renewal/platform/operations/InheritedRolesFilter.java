package cn.gov.lvliang.renewal.platform.operations;

import cn.gov.lvliang.renewal.platform.openapi.ContractFilter;
import io.quarkus.smallrye.openapi.OpenApiFilter;
import jakarta.annotation.security.RolesAllowed;
import java.lang.reflect.Method;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

/**
 * Puts back into the OpenAPI document the roles of the operations a service inherits from this
 * package's resources. Quarkus 3.33.2 still leaves the {@code @RolesAllowed} of an inherited
 * resource method out of the document (quarkusio/quarkus#54312, checked 2026-12-05 on 3.33.2: the
 * security and the 401/403 answers of all four operations were missing), so the explorer showed no
 * roles and the permission-matrix test could not check them. The roles are read from the same
 * annotations the runtime enforces, so they cannot drift (decision 0036).
 */
@OpenApiFilter(stages = OpenApiFilter.RunStage.BUILD)
public class InheritedRolesFilter implements OASFilter {

    /** The resources written once in this package, whose operations services inherit. */
    static final List<Class<?>> INHERITED = List.of(AuditRecordsResource.class, DeadLettersResource.class);

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        Map<String, String[]> roles = rolesByOperationId();
        for (PathItem item : openAPI.getPaths().getPathItems().values()) {
            for (Operation operation : item.getOperations().values()) {
                String[] allowed = roles.get(operation.getOperationId());
                if (allowed != null && operation.getSecurity() == null) {
                    secure(operation, allowed);
                }
            }
        }
    }

    static Map<String, String[]> rolesByOperationId() {
        Map<String, String[]> roles = new HashMap<>();
        for (Class<?> resource : INHERITED) {
            for (Method method : resource.getDeclaredMethods()) {
                var operation = method.getAnnotation(org.eclipse.microprofile.openapi.annotations.Operation.class);
                RolesAllowed allowed = method.getAnnotation(RolesAllowed.class);
                if (operation != null && allowed != null) {
                    roles.put(operation.operationId(), allowed.value());
                }
            }
        }
        return roles;
    }

    /** The requirement and the 401/403 answers Quarkus gives a method that declares its roles. */
    private static void secure(Operation operation, String[] roles) {
        operation.addSecurityRequirement(
                OASFactory.createSecurityRequirement().addScheme(ContractFilter.SCHEME, List.of(roles)));
        Map<String, APIResponse> before = operation.getResponses() == null
                ? Map.of()
                : new LinkedHashMap<>(operation.getResponses().getAPIResponses());
        APIResponses responses = OASFactory.createAPIResponses();
        before.entrySet().stream()
                .filter(entry -> entry.getKey().startsWith("2"))
                .forEach(entry -> responses.addAPIResponse(entry.getKey(), entry.getValue()));
        responses.addAPIResponse("401", OASFactory.createAPIResponse().ref("Unauthorized"));
        responses.addAPIResponse("403", OASFactory.createAPIResponse().ref("Forbidden"));
        before.entrySet().stream()
                .filter(entry -> !entry.getKey().startsWith("2"))
                .forEach(entry -> responses.addAPIResponse(entry.getKey(), entry.getValue()));
        operation.setResponses(responses);
    }
}
