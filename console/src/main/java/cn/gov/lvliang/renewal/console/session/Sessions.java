package cn.gov.lvliang.renewal.console.session;

import io.quarkus.oidc.AccessTokenCredential;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.CookieSameSite;
import jakarta.enterprise.context.RequestScoped;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;

/**
 * The current request's session: the OIDC access token of a user signed in through the provider,
 * or, with the dev sign-in, the token kept in the HttpOnly, SameSite=Strict cookie {@value #COOKIE}.
 */
@RequestScoped
public class Sessions {

    /** The dev sign-in's session cookie; it holds the dev token itself. */
    public static final String COOKIE = "console_session";

    static final String PATH = "/console";

    private final SecurityIdentity identity;
    private final CurrentVertxRequest request;
    private Optional<Session> current;

    public Sessions(SecurityIdentity identity, CurrentVertxRequest request) {
        this.identity = identity;
        this.request = request;
    }

    /** The signed-in user, if any and not expired. */
    public Optional<Session> current() {
        if (current == null) {
            current = read();
        }
        return current;
    }

    private Optional<Session> read() {
        String token = null;
        if (!identity.isAnonymous()) {
            AccessTokenCredential credential = identity.getCredential(AccessTokenCredential.class);
            token = credential == null ? null : credential.getToken();
        }
        if (token == null) {
            Cookie cookie = request.getCurrent().request().getCookie(COOKIE);
            token = cookie == null ? null : cookie.getValue();
        }
        if (token == null || token.isBlank()) {
            return Optional.empty();
        }
        try {
            Session session = Session.fromToken(token);
            return session.expired(Instant.now()) ? Optional.empty() : Optional.of(session);
        } catch (RuntimeException malformed) {
            return Optional.empty();
        }
    }

    /** The signed-in user; without one, {@link SignInRequired} sends the browser to sign in. */
    public Session require() {
        return current().orElseThrow(SignInRequired::new);
    }

    /** The signed-in user if they hold one of {@code roles}; otherwise a 403 page. */
    public Session require(Set<String> roles) {
        Session session = require();
        if (!session.hasAny(roles)) {
            throw new ScreenForbidden();
        }
        return session;
    }

    /** Keeps a dev token in the session cookie. */
    public void keep(String token) {
        request.getCurrent().response().addCookie(cookie(token).setMaxAge(3600));
    }

    /** Forgets the session cookie. */
    public void forget() {
        request.getCurrent().response().addCookie(cookie("").setMaxAge(0));
    }

    private static Cookie cookie(String value) {
        return Cookie.cookie(COOKIE, value).setPath(PATH).setHttpOnly(true).setSameSite(CookieSameSite.STRICT);
    }

    /** A screen the user's role may not open (403). */
    public static class ScreenForbidden extends RuntimeException {
        public ScreenForbidden() {
            super("forbidden", null, false, false);
        }
    }
}
