package cn.gov.lvliang.renewal.gateway.routing;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.lvliang.renewal.gateway.FakeBackend;
import cn.gov.lvliang.renewal.gateway.GatewayTestResource;
import cn.gov.lvliang.renewal.testing.TestTokens;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/**
 * Concurrent callers reach a backend concurrently: the gateway keeps enough connections per
 * backend ({@code suite.gateway.max-connections-per-backend}) instead of Vert.x's default of 5,
 * which made requests queue in the gateway under load.
 */
@QuarkusTest
class ConnectionPoolTest {

    private static final int CALLERS = 20;

    @TestHTTPResource
    URI root;

    @Test
    void twentySlowRequestsAreInFlightAtTheBackendTogether() {
        FakeBackend backend = GatewayTestResource.backend("equipment-inventory-service");
        backend.resetInFlight();
        HttpClient client =
                HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        String token = TestTokens.cityAdmin();
        List<CompletableFuture<HttpResponse<Void>>> calls = new ArrayList<>();
        for (int i = 0; i < CALLERS; i++) {
            calls.add(client.sendAsync(
                    HttpRequest.newBuilder(root.resolve("/api/equipment/devices?sleep=700"))
                            .header("Authorization", "Bearer " + token)
                            .build(),
                    HttpResponse.BodyHandlers.discarding()));
        }
        calls.forEach(call -> assertThat(call.join().statusCode()).isEqualTo(200));

        // With a pool of 5 the backend never sees more than 5 at once.
        assertThat(backend.mostInFlight()).isGreaterThan(10);
    }
}
