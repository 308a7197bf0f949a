package cn.gov.lvliang.renewal.platform.security;

import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;
import java.security.PrivateKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;

/**
 * Signs RS256 tokens in the suite's format: roles in {@code groups}, scope in {@code county},
 * {@code department} or {@code enterprise}. Used only by the local dev-token endpoint and by
 * tests; in production an OIDC provider issues tokens.
 */
public final class TokenMinter {

    public static final String AUDIENCE = "renewal-suite";

    private final PrivateKey key;
    private final String issuer;
    private final Duration lifetime;

    public TokenMinter(PrivateKey key, String issuer, Duration lifetime) {
        this.key = key;
        this.issuer = issuer;
        this.lifetime = lifetime;
    }

    /**
     * @param subject who the token is for
     * @param roles role identifiers from {@link Roles}
     * @param scope scope claims: {@code county}, {@code department}, {@code enterprise}
     */
    public String mint(String subject, Set<String> roles, Map<String, String> scope) {
        Instant now = Instant.now();
        JwtClaimsBuilder claims = Jwt.issuer(issuer)
                .audience(AUDIENCE)
                .subject(subject)
                .upn(subject)
                .groups(roles)
                .issuedAt(now)
                .expiresAt(now.plus(lifetime));
        scope.forEach(claims::claim);
        return claims.jws().keyId("dev").sign(key);
    }
}
