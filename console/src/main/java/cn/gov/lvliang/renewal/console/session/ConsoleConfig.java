package cn.gov.lvliang.renewal.console.session;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** The console's configuration ({@code suite.console.*}). */
@ConfigMapping(prefix = "suite.console")
public interface ConsoleConfig {

    /** The gateway's base URL, through which every API call goes ({@code SUITE_CONSOLE_GATEWAY_URL}). */
    @WithDefault("http://localhost:8080")
    String gatewayUrl();

    /**
     * {@code oidc}: sign-in through the OIDC provider (production); {@code dev}: the dev sign-in
     * page, which asks the gateway's {@code /dev/token} (local profile only).
     */
    @WithDefault("oidc")
    String signIn();

    /** How long one call to the gateway may take. */
    @WithDefault("30s")
    Duration requestTimeout();

    default boolean devSignIn() {
        return "dev".equals(signIn());
    }
}
