package cn.gov.lvliang.renewal.gateway.devtoken;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/**
 * Dev tokens ({@code suite.dev-token.*}). {@code enabled} is true only in the {@code dev},
 * {@code test} and {@code local} profiles; in production an OIDC provider issues tokens.
 */
@ConfigMapping(prefix = "suite.dev-token")
public interface DevTokenConfig {

    @WithDefault("false")
    boolean enabled();

    /** The {@code iss} claim; the services must trust it ({@code mp.jwt.verify.issuer}). */
    Optional<String> issuer();

    /** A PEM file holding a PKCS#8 {@code PRIVATE KEY}: a path or a {@code file:} URI. */
    Optional<String> privateKeyLocation();

    @WithDefault("1h")
    Duration lifetime();
}
