package cn.gov.lvliang.renewal.gateway.routing;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.gov.lvliang.renewal.gateway.FakeBackend;
import cn.gov.lvliang.renewal.gateway.GatewayTestResource;
import cn.gov.lvliang.renewal.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A backend with two instances (tradein-subsidy-service in the test configuration): requests go to
 * both, and when one stops, every request is still answered by the other.
 */
@QuarkusTest
class InstancesTest {

    @Inject
    Instances instances;

    private final String token = TestTokens.cityAdmin();

    @Test
    void requestsAreSpreadOverTheReadyInstances() {
        FakeBackend first = GatewayTestResource.backend("tradein-subsidy-service");
        FakeBackend second = GatewayTestResource.subsidyReplica();

        List<String> answeredBy = answers(6);

        assertThat(answeredBy).contains(first.url(), second.url());
    }

    @Test
    void whenAnInstanceStopsTheOtherAnswersEveryRequest() {
        FakeBackend second = GatewayTestResource.subsidyReplica();
        second.whileDown(() -> {
            // no request fails, the first one to meet the stopped instance included
            List<String> answeredBy = answers(10);
            assertThat(answeredBy).doesNotContain(second.url()).hasSize(10);
            assertThat(instances.isReady(second.url())).isFalse();
        });
        // back: the probe lets it take requests again
        await().atMost(Duration.ofSeconds(5)).until(() -> instances.isReady(second.url()));
        await().atMost(Duration.ofSeconds(5)).until(() -> answers(4).contains(second.url()));
    }

    private List<String> answers(int requests) {
        List<String> instancesSeen = new ArrayList<>();
        for (int i = 0; i < requests; i++) {
            instancesSeen.add(given().auth()
                    .oauth2(token)
                    .when()
                    .get("/api/subsidies/claims")
                    .then()
                    .statusCode(200)
                    .extract()
                    .path("instance"));
        }
        return instancesSeen;
    }
}
