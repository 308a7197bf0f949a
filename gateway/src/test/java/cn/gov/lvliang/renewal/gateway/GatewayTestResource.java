package cn.gov.lvliang.renewal.gateway;

import cn.gov.lvliang.renewal.testing.TestKeys;
import cn.gov.lvliang.renewal.testing.TestTokens;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Four fake backends (one per module, started once per test JVM), the test token keys, and the
 * dev-token private key, for every gateway test. The request timeout is 1 s so that the slow
 * backend test is quick.
 */
public class GatewayTestResource implements QuarkusTestResourceLifecycleManager {

    private static Map<String, FakeBackend> backends;
    private static FakeBackend console;
    /** A second instance of tradein-subsidy-service: the gateway balances across the two. */
    private static FakeBackend subsidyReplica;

    private static Path keys;

    /** The fake backend standing in for module {@code name}. */
    public static synchronized FakeBackend backend(String name) {
        startOnce();
        return backends.get(name);
    }

    /** The second instance of tradein-subsidy-service ({@link #backend} gives the first). */
    public static synchronized FakeBackend subsidyReplica() {
        startOnce();
        return subsidyReplica;
    }

    /** The fake web console behind {@code /console/} (not one of the API backends). */
    public static synchronized FakeBackend console() {
        startOnce();
        return console;
    }

    @Override
    public Map<String, String> start() {
        startOnce();
        Map<String, String> config = new HashMap<>();
        backends.forEach((name, backend) -> config.put("suite.gateway.backends." + name + ".url", backend.url()));
        config.put(
                "suite.gateway.backends.tradein-subsidy-service.url",
                backends.get("tradein-subsidy-service").url() + "," + subsidyReplica.url());
        config.put("suite.gateway.instance-probe-interval", "200ms");
        config.put("suite.console.url", console.url());
        config.put("suite.gateway.request-timeout", "1s");
        // Small limits so that the limit tests stay short; other tests stay far below them.
        config.put("suite.gateway.rate-limit.clients.burst-client.capacity", "100");
        config.put("suite.gateway.rate-limit.clients.burst-client.refill-per-second", "1");
        config.put("suite.gateway.rate-limit.anonymous.capacity", "30");
        config.put("suite.gateway.rate-limit.anonymous.refill-per-second", "2");
        config.put("suite.gateway.rate-limit.paths.claim-lookup.capacity", "5");
        config.put("suite.gateway.rate-limit.paths.claim-lookup.refill-per-second", "2");
        config.put("suite.gateway.max-body-size", "4M");
        config.put("suite.gateway.bulk.max-body-size", "8M");
        config.put("suite.gateway.bulk.request-timeout", "5s");
        config.put("suite.gateway.circuit.failure-threshold", "3");
        config.put("suite.gateway.circuit.open-duration", "1s");
        config.put("quarkus.http.cors.origins", "https://portal.lvliang.gov.cn");
        // smallrye-jwt in test mode generates its own key pair unless both of these are set.
        config.put(
                "mp.jwt.verify.publickey.location",
                keys.resolve("public.pem").toUri().toString());
        config.put("mp.jwt.verify.publickey", TestKeys.publicKeyPem());
        config.put("mp.jwt.verify.issuer", TestTokens.ISSUER);
        config.put(
                "suite.dev-token.private-key-location",
                keys.resolve("private.pem").toString());
        return config;
    }

    @Override
    public void stop() {
        // The backends serve every test class of this JVM.
    }

    private static synchronized void startOnce() {
        if (backends != null) {
            return;
        }
        Map<String, FakeBackend> started = new LinkedHashMap<>();
        for (String name : new String[] {
            "tasks-service", "equipment-inventory-service", "tradein-subsidy-service", "recycling-service"
        }) {
            started.put(name, new FakeBackend(name).start());
        }
        try {
            keys = Files.createTempDirectory("gateway-test-keys");
            Files.writeString(keys.resolve("public.pem"), TestKeys.publicKeyPem());
            Files.writeString(
                    keys.resolve("private.pem"),
                    "-----BEGIN PRIVATE KEY-----\n"
                            + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                                    .encodeToString(
                                            TestKeys.SIGNING.getPrivate().getEncoded())
                            + "\n-----END PRIVATE KEY-----\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        console = new FakeBackend("console").start();
        subsidyReplica = new FakeBackend("tradein-subsidy-service").start();
        backends = started;
    }
}
