package cn.gov.lvliang.renewal.gateway.health;

import cn.gov.lvliang.renewal.gateway.routing.Routes;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;
import org.eclipse.microprofile.health.Readiness;

/**
 * The gateway itself: up while it serves requests, with its routing table as data. Liveness
 * never depends on the backends, so a backend outage does not get the gateway restarted.
 */
@Liveness
@Readiness
@ApplicationScoped
public class GatewayLiveness implements HealthCheck {

    private final Routes routes;

    public GatewayLiveness(Routes routes) {
        this.routes = routes;
    }

    @Override
    public HealthCheckResponse call() {
        var response = HealthCheckResponse.named("gateway").up();
        Routes.PREFIXES.forEach((prefix, backend) -> response.withData(prefix + "**", backend));
        response.withData("backends", routes.all().size());
        return response.build();
    }
}
