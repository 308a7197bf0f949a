package cn.gov.lvliang.renewal.gateway.routing;

import cn.gov.lvliang.renewal.gateway.GatewayConfig;
import io.quarkus.runtime.StartupEvent;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.jboss.logging.Logger;

/**
 * The instances (replicas) of each backend and which of them take requests (负载均衡).
 *
 * <p>A backend's {@code url} setting lists one or more base URLs. Requests go round-robin to the
 * instances that are ready: every {@code suite.gateway.instance-probe-interval} each instance's
 * {@code /q/health/ready} is asked, and one that does not answer 200 within the probe timeout takes
 * no new requests until it does. An instance that refuses a connection is taken out at once (the
 * proxy then tries the next one, which is safe: nothing of the request was sent). With every
 * instance out, the first is tried anyway, so that a backend that just came back is found at once.
 */
@ApplicationScoped
public class Instances {

    private static final Logger LOG = Logger.getLogger(Instances.class);

    private final Routes routes;
    private final BackendClient backends;
    private final Vertx vertx;
    private final long probeIntervalMillis;
    private final long probeTimeoutMillis;
    private final Map<String, Boolean> ready = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> next = new ConcurrentHashMap<>();

    public Instances(Routes routes, BackendClient backends, Vertx vertx, GatewayConfig config) {
        this.routes = routes;
        this.backends = backends;
        this.vertx = vertx;
        this.probeIntervalMillis = config.instanceProbeInterval().toMillis();
        this.probeTimeoutMillis = config.probeTimeout().toMillis();
    }

    void start(@Observes StartupEvent event) {
        vertx.setPeriodic(probeIntervalMillis, probeIntervalMillis, id -> probeAll());
    }

    /**
     * The instance of {@code target} for the next request: round-robin over the ready ones not in
     * {@code tried}; empty when every instance was tried.
     */
    public Optional<String> pick(Routes.Target target, Set<String> tried) {
        List<String> candidates =
                target.urls().stream().filter(url -> !tried.contains(url)).toList();
        if (candidates.isEmpty()) {
            return Optional.empty();
        }
        List<String> up = candidates.stream().filter(this::isReady).toList();
        List<String> from = up.isEmpty() ? candidates : up;
        int turn =
                next.computeIfAbsent(target.name(), name -> new AtomicInteger()).getAndIncrement();
        return Optional.of(from.get(Math.floorMod(turn, from.size())));
    }

    /** Takes an instance out until its next successful probe (it refused a connection). */
    public void markDown(String url) {
        if (!Boolean.FALSE.equals(ready.put(url, false))) {
            LOG.warnf("Instance %s refused a connection; no new requests until it is ready again", url);
        }
    }

    /** Whether the instance at {@code url} takes requests; unknown instances do. */
    public boolean isReady(String url) {
        return ready.getOrDefault(url, true);
    }

    private void probeAll() {
        for (Routes.Target target : routes.all()) {
            for (String url : target.urls()) {
                probe(url);
            }
        }
    }

    private void probe(String url) {
        RequestOptions options = new RequestOptions()
                .setMethod(HttpMethod.GET)
                .setAbsoluteURI(url + "/q/health/ready")
                .setConnectTimeout(probeTimeoutMillis)
                .setIdleTimeout(probeTimeoutMillis);
        backends.client().request(options).compose(request -> request.send()).onComplete(result -> {
            boolean up = result.succeeded() && result.result().statusCode() == 200;
            if (result.succeeded()) {
                result.result().body(); // drain, so that the connection goes back to the pool
            }
            Boolean before = ready.put(url, up);
            if (before == null || before != up) {
                LOG.infof("Instance %s is %s", url, up ? "ready" : "not ready");
            }
        });
    }
}
