package cn.gov.lvliang.renewal.platform.audit;

import cn.gov.lvliang.renewal.platform.web.RequestIds;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;
import java.lang.reflect.Method;
import java.util.Optional;
import java.util.TreeSet;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * Which requests are audited and what their record says: who (token subject, roles, client), which
 * operation (method and path template), which resource (concrete path), the status answered and
 * the request id. Shared by {@link AuditInterceptor} and {@link AuditFilter} so that both write
 * the same fields.
 */
@ApplicationScoped
public class AuditEntries {

    private final SecurityIdentity identity;

    public AuditEntries(SecurityIdentity identity) {
        this.identity = identity;
    }

    /** Whether a successful call of this resource method is written to the trail. */
    public static boolean audited(Method method) {
        return method != null && (isWrite(method) || method.isAnnotationPresent(AuditedRead.class));
    }

    /** {@code @POST}, {@code @PUT}, {@code @PATCH} or {@code @DELETE}. */
    public static boolean isWrite(Method method) {
        return method.isAnnotationPresent(POST.class)
                || method.isAnnotationPresent(PUT.class)
                || method.isAnnotationPresent(PATCH.class)
                || method.isAnnotationPresent(DELETE.class);
    }

    /**
     * The status a resource method's return value answers with: a {@link Response}'s own, 204 for
     * no entity, 200 otherwise.
     */
    public static int status(Object returned) {
        if (returned instanceof Response response) {
            return response.getStatus();
        }
        if (returned instanceof RestResponse<?> response) {
            return response.getStatus();
        }
        return returned == null ? 204 : 200;
    }

    /** The record of this request, or empty for an anonymous caller (nothing to attribute). */
    public Optional<AuditTrail.Entry> entry(
            ContainerRequestContext request, Class<?> resourceClass, Method method, int status) {
        if (identity.isAnonymous()) {
            return Optional.empty();
        }
        return Optional.of(new AuditTrail.Entry(
                actor(),
                String.join(",", new TreeSet<>(identity.getRoles())),
                client(),
                request.getMethod() + " " + template(resourceClass, method),
                "/" + request.getUriInfo().getPath().replaceFirst("^/", ""),
                status,
                RequestIds.of(request)));
    }

    private String actor() {
        if (identity.getPrincipal() instanceof JsonWebToken jwt && jwt.getSubject() != null) {
            return jwt.getSubject();
        }
        return identity.getPrincipal().getName();
    }

    private String client() {
        if (identity.getPrincipal() instanceof JsonWebToken jwt) {
            for (String claim : new String[] {"azp", "client_id"}) {
                Object value = jwt.getClaim(claim);
                if (value != null) {
                    return value.toString().replace("\"", "");
                }
            }
        }
        return null;
    }

    /** Class {@code @Path} plus method {@code @Path}: {@code /api/subsidies/claims/{id}/approval}. */
    static String template(Class<?> resourceClass, Method method) {
        StringBuilder path = new StringBuilder();
        for (Class<?> type = resourceClass; type != null && path.isEmpty(); type = type.getSuperclass()) {
            Path classPath = type.getAnnotation(Path.class);
            if (classPath != null) {
                path.append(slash(classPath.value()));
            }
        }
        Path methodPath = method == null ? null : method.getAnnotation(Path.class);
        if (methodPath != null) {
            path.append(slash(methodPath.value()));
        }
        return path.isEmpty() ? "/" : path.toString();
    }

    private static String slash(String segment) {
        String trimmed = segment.endsWith("/") ? segment.substring(0, segment.length() - 1) : segment;
        return trimmed.startsWith("/") ? trimmed : "/" + trimmed;
    }
}
