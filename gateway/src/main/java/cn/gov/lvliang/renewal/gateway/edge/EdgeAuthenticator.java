package cn.gov.lvliang.renewal.gateway.edge;

import cn.gov.lvliang.renewal.platform.problem.RouteProblems;
import cn.gov.lvliang.renewal.platform.security.RememberingJwtParser;
import io.smallrye.jwt.auth.principal.ParseException;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Locale;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.logging.Logger;

/**
 * Checks bearer tokens at the edge (网关鉴权): RS256 signature, trusted issuer, audience and
 * expiry, with the standard {@code mp.jwt.verify.*} configuration every service uses. Services
 * check the token again themselves and apply roles and scope; the gateway only keeps anonymous
 * and forged traffic away from them.
 */
@ApplicationScoped
public class EdgeAuthenticator {

    private static final Logger LOG = Logger.getLogger(EdgeAuthenticator.class);
    private static final String BEARER = "bearer ";

    private final RememberingJwtParser parser;
    private final Vertx vertx;
    private final RouteProblems problems;

    public EdgeAuthenticator(RememberingJwtParser parser, Vertx vertx, RouteProblems problems) {
        this.parser = parser;
        this.vertx = vertx;
        this.problems = problems;
    }

    /**
     * Verifies the {@code Authorization} header's bearer token. A token verified within the last
     * 5 minutes ({@link RememberingJwtParser#remembered}) is admitted at once on the caller's event
     * loop. Otherwise verification, which may fetch keys (a JWKS URL), runs on a worker thread and
     * completes on the event loop.
     */
    public Future<JsonWebToken> authenticate(String authorization) {
        if (authorization == null
                || authorization.length() <= BEARER.length()
                || !authorization
                        .substring(0, BEARER.length())
                        .toLowerCase(Locale.ROOT)
                        .equals(BEARER)) {
            return Future.failedFuture(new MissingToken());
        }
        String token = authorization.substring(BEARER.length()).trim();
        JsonWebToken known = parser.remembered(token);
        if (known != null) {
            return Future.succeededFuture(known);
        }
        return vertx.executeBlocking(
                () -> parser.parse(token), // remembers the token once verified
                false);
    }

    /** Ends the exchange with 401, {@code WWW-Authenticate: Bearer} and a problem body. */
    public void challenge(RoutingContext ctx, Throwable cause) {
        ctx.response().putHeader("WWW-Authenticate", "Bearer");
        if (cause instanceof MissingToken) {
            problems.send(ctx, 401, "unauthorized", "detail.unauthorized");
            return;
        }
        if (!(cause instanceof ParseException)) {
            LOG.warnf("Token verification failed unexpectedly: %s", cause.toString());
        } else {
            LOG.debugf("Rejected token: %s", cause.getMessage());
        }
        problems.send(ctx, 401, "unauthorized", "detail.token-invalid");
    }

    /** No bearer token in the request. */
    static final class MissingToken extends RuntimeException {
        private static final long serialVersionUID = 1L;

        MissingToken() {
            super("no bearer token", null, false, false);
        }
    }
}
