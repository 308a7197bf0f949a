package cn.gov.lvliang.renewal.gateway;

import io.quarkus.runtime.configuration.MemorySize;
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
    @WithDefault("/api/recycling/public/,/api/subsidies/public/")
    List<String> publicPaths();

    /** How long a backend may stay silent before the gateway answers 503. */
    @WithDefault("10s")
    Duration requestTimeout();

    /** How long connecting to a backend may take. */
    @WithDefault("1s")
    Duration connectTimeout();

    /**
     * Open connections kept per backend. Requests beyond it wait in the gateway for a free
     * connection, so it must not be lower than the concurrency the backends are meant to serve
     * (Vert.x's own default is 5, which queued requests at the gateway under load).
     */
    @WithDefault("128")
    int maxConnectionsPerBackend();

    /** How long a backend's readiness and OpenAPI endpoints may take. */
    @WithDefault("1s")
    Duration probeTimeout();

    /** How often each backend instance's readiness is asked ({@code Instances}). */
    @WithDefault("1s")
    Duration instanceProbeInterval();

    /** Bulk uploads (批量导入): their own body limit and timeout. */
    Bulk bulk();

    /** The largest request body passed to a backend; larger ones get 413. */
    @WithDefault("20M")
    MemorySize maxBodySize();

    /** Rate limits per client (限流). */
    RateLimit rateLimit();

    /** Circuit breaking per backend (熔断). */
    Circuit circuit();

    /**
     * Bulk imports carry files of up to some hundred MB and take longer than an ordinary call
     * (100,000 equipment rows take about 20 s): on these path prefixes the body limit and the
     * backend's allowed silence are larger.
     */
    interface Bulk {
        /** Path prefixes of bulk uploads; {@code *} stands for one path segment. */
        @WithDefault("/api/equipment/imports,/api/tasks/plans/import,/api/subsidies/claims/*/evidence")
        List<String> paths();

        @WithDefault("200M")
        MemorySize maxBodySize();

        @WithDefault("300s")
        Duration requestTimeout();
    }

    interface RateLimit {
        /** Off only for load tests. */
        @WithDefault("true")
        boolean enabled();

        /** The limit of any authenticated client without its own entry in {@link #clients()}. */
        Limit perClient();

        /** The limit per remote address for anonymous calls to the public listings. */
        Limit anonymous();

        /** Limits of named clients (their token's {@code azp}, {@code client_id} or {@code sub}). */
        Map<String, Limit> clients();

        /**
         * Public paths with a limit per remote address of their own, instead of {@link #anonymous()}:
         * for example the applicant's claim lookup (申请进度查询), where each try guesses an ID number.
         */
        Map<String, PathLimit> paths();
    }

    /** A limit per remote address for anonymous calls under {@code prefix}. */
    interface PathLimit extends Limit {
        String prefix();
    }

    /** A token bucket: {@code capacity} requests at once, refilled at {@code refill-per-second}. */
    interface Limit {
        int capacity();

        double refillPerSecond();
    }

    interface Circuit {
        /** Consecutive failures (refused, unreachable, timed out) that open a backend's circuit. */
        @WithDefault("5")
        int failureThreshold();

        /** How long an open circuit answers 503 at once before letting calls try again. */
        @WithDefault("10s")
        Duration openDuration();
    }

    interface Backend {
        /**
         * Base URLs of the backend's instances (replicas), comma-separated, such as {@code
         * http://localhost:8081} or {@code http://10.0.0.5:8081,http://10.0.0.6:8081}.
         */
        List<String> url();
    }
}
