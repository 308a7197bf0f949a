package cn.gov.lvliang.renewal.gateway.routing;

import cn.gov.lvliang.renewal.gateway.GatewayConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Which backend serves which path: the routing table of the gateway (路由表).
 *
 * <p>The prefixes are fixed by the suite's API layout; the backends' URLs come from {@link
 * GatewayConfig}.
 */
@ApplicationScoped
public class Routes {

    /** Path prefix → backend module name. */
    public static final Map<String, String> PREFIXES = Map.of(
            "/api/tasks/", "tasks-service",
            "/api/equipment/", "equipment-inventory-service",
            "/api/subsidies/", "tradein-subsidy-service",
            "/api/recycling/", "recycling-service");

    private final GatewayConfig config;

    public Routes(GatewayConfig config) {
        this.config = config;
        for (String backend : PREFIXES.values()) {
            if (!config.backends().containsKey(backend)) {
                throw new IllegalStateException("suite.gateway.backends." + backend + ".url is not configured");
            }
        }
    }

    /** A backend by module name and the base URLs of its instances (one or more). */
    public record Target(String name, List<String> urls) {
        public Target {
            urls = List.copyOf(urls);
        }
    }

    /** The backend serving {@code path}, if any. */
    public Optional<Target> forPath(String path) {
        return PREFIXES.entrySet().stream()
                .filter(e -> path.startsWith(e.getKey())
                        || path.equals(e.getKey().substring(0, e.getKey().length() - 1)))
                .findFirst()
                .map(e -> byName(e.getValue()).orElseThrow());
    }

    /** A configured backend by module name. */
    public Optional<Target> byName(String name) {
        GatewayConfig.Backend backend = config.backends().get(name);
        return backend == null
                ? Optional.empty()
                : Optional.of(new Target(
                        name, backend.url().stream().map(Routes::stripSlash).toList()));
    }

    /** All configured backends, sorted by name. */
    public List<Target> all() {
        return config.backends().keySet().stream()
                .sorted()
                .map(name -> byName(name).orElseThrow())
                .toList();
    }

    /** True when {@code path} needs no token. */
    public boolean isPublic(String path) {
        return config.publicPaths().stream().anyMatch(path::startsWith);
    }

    private static String stripSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
