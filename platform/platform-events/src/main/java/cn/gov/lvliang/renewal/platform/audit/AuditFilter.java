package cn.gov.lvliang.renewal.platform.audit;

import cn.gov.lvliang.renewal.platform.web.RequestIds;
import io.quarkus.runtime.BlockingOperationControl;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.inject.Inject;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import java.lang.reflect.Method;
import java.util.Set;
import java.util.TreeSet;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;
import org.jboss.resteasy.reactive.server.SimpleResourceInfo;

/**
 * Writes every successful write (POST, PUT, PATCH, DELETE answered 2xx) and every successful
 * {@link AuditedRead} to the service's {@link AuditTrail}, with who, which client, which
 * operation, which resource and the request id. Runs after the resource method, in its own
 * transaction (see docs/security.md "Audit trail").
 */
public class AuditFilter {

    private static final Logger LOG = Logger.getLogger(AuditFilter.class);
    private static final Set<String> WRITES = Set.of("POST", "PUT", "PATCH", "DELETE");

    @Inject
    AuditTrail trail;

    @Inject
    SecurityIdentity identity;

    @ServerResponseFilter
    public void record(
            ContainerRequestContext request, ContainerResponseContext response, SimpleResourceInfo resource) {
        if (resource == null || resource.getResourceClass() == null || response.getStatus() / 100 != 2) {
            return;
        }
        Method method = method(resource);
        boolean write = WRITES.contains(request.getMethod());
        if (!write && (method == null || !method.isAnnotationPresent(AuditedRead.class))) {
            return;
        }
        if (identity.isAnonymous()) {
            return;
        }
        AuditTrail.Entry entry = new AuditTrail.Entry(
                actor(),
                String.join(",", new TreeSet<>(identity.getRoles())),
                client(),
                request.getMethod() + " " + template(resource.getResourceClass(), method),
                "/" + request.getUriInfo().getPath().replaceFirst("^/", ""),
                response.getStatus(),
                RequestIds.of(request));
        if (BlockingOperationControl.isBlockingAllowed()) {
            append(entry);
        } else {
            Infrastructure.getDefaultWorkerPool().execute(() -> append(entry));
        }
    }

    private void append(AuditTrail.Entry entry) {
        try {
            trail.append(entry);
        } catch (RuntimeException e) {
            LOG.errorf(e, "Could not write the audit record of %s (request %s)", entry.operation(), entry.requestId());
        }
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

    private static Method method(SimpleResourceInfo resource) {
        try {
            return resource.getResourceClass().getMethod(resource.getMethodName(), resource.parameterTypes());
        } catch (NoSuchMethodException e) {
            return null;
        }
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
