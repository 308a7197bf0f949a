package cn.gov.lvliang.renewal.gateway.health;

import cn.gov.lvliang.renewal.gateway.GatewayConfig;
import cn.gov.lvliang.renewal.gateway.routing.BackendClient;
import cn.gov.lvliang.renewal.gateway.routing.Instances;
import cn.gov.lvliang.renewal.gateway.routing.Routes;
import io.smallrye.health.api.AsyncHealthCheck;
import io.smallrye.health.api.Wellness;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Future;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Set;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;

/**
 * The backends' readiness as the gateway sees it (后端状态), at {@code /q/health/well}: calls each
 * backend's {@code /q/health/ready} in parallel with a short timeout. Down when any backend is
 * down; the data says which, per backend name, with the reason.
 *
 * <p>A wellness check, not a readiness check (decision 0014): a backend that is down must not
 * take the gateway out of its load balancer, which would stop the routes of the healthy backends
 * too. The routes of a down backend answer 503 problem+json through the circuit breaker instead.
 */
@Wellness
@ApplicationScoped
public class BackendsWellness implements AsyncHealthCheck {

    private final Routes routes;
    private final BackendClient backends;
    private final Instances instances;
    private final long timeoutMillis;

    public BackendsWellness(Routes routes, BackendClient backends, Instances instances, GatewayConfig config) {
        this.routes = routes;
        this.backends = backends;
        this.instances = instances;
        this.timeoutMillis = config.probeTimeout().toMillis();
    }

    @Override
    public Uni<HealthCheckResponse> call() {
        List<Routes.Target> targets = routes.all();
        List<Future<String>> probes = targets.stream().map(this::probe).toList();
        Future<HealthCheckResponse> all = Future.join(probes).transform(ignored -> {
            HealthCheckResponseBuilder response =
                    HealthCheckResponse.named("backends").up();
            for (int i = 0; i < targets.size(); i++) {
                Future<String> probe = probes.get(i);
                if (probe.succeeded()) {
                    response.withData(targets.get(i).name(), "UP");
                } else {
                    response.withData(
                            targets.get(i).name(), "DOWN: " + probe.cause().getMessage());
                    response.down();
                }
            }
            return Future.succeededFuture(response.build());
        });
        return Uni.createFrom().completionStage(all.toCompletionStage());
    }

    /** Succeeds when the backend answers its readiness endpoint with 200. */
    private Future<String> probe(Routes.Target target) {
        RequestOptions options = new RequestOptions()
                .setMethod(HttpMethod.GET)
                .setAbsoluteURI(instances.pick(target, Set.of()).orElseThrow() + "/q/health/ready")
                .setConnectTimeout(timeoutMillis)
                .setIdleTimeout(timeoutMillis);
        return backends.client()
                .request(options)
                .compose(request -> request.send())
                .compose(response -> response.body()
                        .compose(body -> response.statusCode() == 200
                                ? Future.succeededFuture("UP")
                                : Future.failedFuture("HTTP " + response.statusCode())));
    }
}
