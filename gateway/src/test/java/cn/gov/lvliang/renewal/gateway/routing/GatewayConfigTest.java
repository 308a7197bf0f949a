package cn.gov.lvliang.renewal.gateway.routing;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.lvliang.renewal.gateway.GatewayConfig;
import io.quarkus.runtime.configuration.DurationConverter;
import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.runtime.configuration.MemorySizeConverter;
import io.smallrye.config.EnvConfigSource;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The module's real {@code application.properties} plus environment variables, as the devstack and
 * containers set them: backend names contain dashes, which env names cannot.
 */
class GatewayConfigTest {

    private static GatewayConfig config(Map<String, String> environment) throws IOException {
        SmallRyeConfig config = new SmallRyeConfigBuilder()
                .withSources(new PropertiesConfigSource(
                        GatewayConfigTest.class.getClassLoader().getResource("application.properties"), 250))
                .withSources(new EnvConfigSource(environment, 300))
                // Quarkus's converter accepts "1s" as well as ISO-8601 "PT1S".
                .withConverter(Duration.class, 200, new DurationConverter())
                .withConverter(MemorySize.class, 200, new MemorySizeConverter())
                .withMapping(GatewayConfig.class)
                .build();
        return config.getConfigMapping(GatewayConfig.class);
    }

    @Test
    void defaultsAreTheLocalPorts() throws IOException {
        GatewayConfig config = config(Map.of());
        assertThat(config.backends())
                .extractingFromEntries(
                        e -> e.getKey() + "=" + String.join(",", e.getValue().url()))
                .containsExactlyInAnyOrder(
                        "tasks-service=http://localhost:8081",
                        "equipment-inventory-service=http://localhost:8082",
                        "tradein-subsidy-service=http://localhost:8083",
                        "recycling-service=http://localhost:8084");
        assertThat(config.publicPaths()).containsExactly("/api/recycling/public/", "/api/subsidies/public/");
        assertThat(config.requestTimeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(config.connectTimeout()).isEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void environmentVariablesOverrideBackendsWithDashedNamesAndListReplicas() throws IOException {
        GatewayConfig config = config(Map.of(
                "SUITE_GATEWAY_BACKENDS_TASKS_SERVICE_URL", "http://tasks:8081",
                "SUITE_GATEWAY_BACKENDS_TRADEIN_SUBSIDY_SERVICE_URL", "http://subsidy-1:8083,http://subsidy-2:8083",
                "SUITE_GATEWAY_PUBLIC_PATHS", "/api/recycling/public/,/api/tasks/public/",
                "SUITE_GATEWAY_REQUEST_TIMEOUT", "30s"));
        assertThat(config.backends().get("tasks-service").url()).containsExactly("http://tasks:8081");
        assertThat(config.backends().get("tradein-subsidy-service").url())
                .containsExactly("http://subsidy-1:8083", "http://subsidy-2:8083");
        assertThat(config.backends().get("recycling-service").url()).containsExactly("http://localhost:8084");
        assertThat(config.backends()).hasSize(4);
        assertThat(config.publicPaths()).containsExactly("/api/recycling/public/", "/api/tasks/public/");
        assertThat(config.requestTimeout()).isEqualTo(Duration.ofSeconds(30));
    }
}
