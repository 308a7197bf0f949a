package cn.gov.lvliang.renewal.platform.web;

import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import java.util.TreeSet;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.logging.MDC;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Puts who is calling in the log context: {@code user} (the token's subject, an opaque id such as a
 * Keycloak user id, never a name) and {@code roles}. Together with {@code requestId} ({@link
 * RequestIds}) and OpenTelemetry's {@code traceId} and {@code spanId}, every log line of a request
 * says which request, which trace and whose (JSON fields under the production profile).
 *
 * <p>Authentication is lazy (platform configuration), and an endpoint may run on the I/O thread, so
 * the identity is read without blocking. A token that fails authentication is left to the
 * endpoint's security check, which answers 401 as before.
 */
public class CallerLogContext {

    private final CurrentIdentityAssociation identities;

    public CallerLogContext(CurrentIdentityAssociation identities) {
        this.identities = identities;
    }

    @ServerRequestFilter
    public Uni<Void> describeCaller() {
        return identities
                .getDeferredIdentity()
                .onItem()
                .invoke(CallerLogContext::describe)
                .onFailure()
                .recoverWithNull()
                .replaceWithVoid();
    }

    private static void describe(SecurityIdentity identity) {
        if (identity == null || identity.isAnonymous()) {
            return;
        }
        // The subject, not the principal's name: for a Keycloak user that is preferred_username,
        // which may be a person's name.
        String subject = identity.getPrincipal() instanceof JsonWebToken token && token.getSubject() != null
                ? token.getSubject()
                : "unknown";
        MDC.put("user", subject);
        MDC.put("roles", String.join(",", new TreeSet<>(identity.getRoles())));
    }
}
