package cn.gov.lvliang.renewal.platform.events;

import io.smallrye.health.api.Wellness;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;

/**
 * The Kafka broker as this service sees it (消息代理状态), at {@code /q/health/well}: up when the
 * broker describes its cluster within {@value #TIMEOUT_SECONDS} s, with the outbox's backlog beside
 * it, so that one look says whether events leave the service.
 *
 * <p>A wellness check, not a readiness check (decision 0060). A service whose broker is away still
 * takes every write (the outbox) and answers every read; taken out of its load balancer it would
 * answer none. Readiness is the database's alone; the broker's outage pages through {@code
 * OutboxRelayFailing} and shows here. The admin client is made on the first look, not at start-up.
 */
@Wellness
@ApplicationScoped
public class BrokerWellness implements HealthCheck {

    static final String NAME = "Kafka broker";
    private static final int TIMEOUT_SECONDS = 3;

    private final String bootstrapServers;
    private final OutboxRelay relay;
    private Admin admin;

    public BrokerWellness(
            @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers, OutboxRelay relay) {
        this.bootstrapServers = bootstrapServers;
        this.relay = relay;
    }

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response =
                HealthCheckResponse.named(NAME).withData("outbox_backlog", relay.backlog());
        try {
            String nodes = admin()
                    .describeCluster(
                            new DescribeClusterOptions().timeoutMs((int) TimeUnit.SECONDS.toMillis(TIMEOUT_SECONDS)))
                    .nodes()
                    .get(TIMEOUT_SECONDS + 1L, TimeUnit.SECONDS)
                    .stream()
                    .map(node -> node.host() + ":" + node.port())
                    .sorted()
                    .collect(Collectors.joining(","));
            return response.up().withData("nodes", nodes).build();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return response.down().withData("error", "interrupted").build();
        } catch (Exception e) {
            return response.down().withData("error", OutboxRelay.rootMessage(e)).build();
        }
    }

    private synchronized Admin admin() {
        if (admin == null) {
            Properties properties = new Properties();
            properties.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
            properties.put(AdminClientConfig.CLIENT_ID_CONFIG, "broker-wellness");
            properties.put(AdminClientConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 2000);
            admin = Admin.create(properties);
        }
        return admin;
    }

    @PreDestroy
    synchronized void close() {
        if (admin != null) {
            admin.close(Duration.ofSeconds(2));
        }
    }
}
