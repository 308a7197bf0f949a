package cn.gov.lvliang.renewal.gateway.routing;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The gateway's configuration ({@code suite.gateway.*}).
 *
 * <p>Backends are keyed by module name; their URLs default in {@code application.properties} so
 * that environment variables such as {@code SUITE_GATEWAY_BACKENDS_TASKS_SERVICE_URL} find them.
 */
@ConfigMapping(prefix = "suite.gateway")
public interface GatewayConfig {

    /** Backend services by module name, such as {@code tasks-service}. */
    Map<String, Backend> backends();

    /** Path prefixes under {@code /api/} that pass without a token (公开接口). */
    @WithDefault("/api/recycling/public/")
    List<String> publicPaths();

    /** How long a backend may stay silent before the gateway answers 503. */
    @WithDefault("10s")
    Duration requestTimeout();

    /** How long connecting to a backend may take. */
    @WithDefault("1s")
    Duration connectTimeout();

    /** How long a backend's readiness and OpenAPI endpoints may take. */
    @WithDefault("1s")
    Duration probeTimeout();

    interface Backend {
        /** Base URL without a trailing slash, such as {@code http://localhost:8081}. */
        String url();
    }
}
