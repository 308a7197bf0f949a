package cn.gov.lvliang.renewal.subsidy.notices;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/**
 * The SMS provider, played by a real local WireMock server: {@code POST /sms/send} answers {@code
 * {"code":"OK"}}; a test changes the stub to make it fail and reads the requests it received.
 */
public class SmsGatewayStub implements QuarkusTestResourceLifecycleManager {

    static final String PATH = "/sms/send";
    static final String ACCESS_KEY = "notices-test-key";
    static final String SECRET = "notices-test-secret";

    /** The running server, for the test (one test class uses it at a time). */
    static WireMockServer server;

    @Override
    public Map<String, String> start() {
        server = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
        server.start();
        accept();
        return Map.of(
                "suite.notices.sms.url", server.baseUrl() + PATH,
                "suite.notices.sms.access-key", ACCESS_KEY,
                "suite.notices.sms.secret", SECRET);
    }

    /** The gateway accepts every SMS. */
    static void accept() {
        server.resetMappings();
        server.stubFor(post(urlEqualTo(PATH))
                .willReturn(aResponse()
                        .withStatus(200)
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"code\":\"OK\",\"bizId\":\"stub\"}")));
    }

    /** The gateway refuses every SMS, as a provider does when throttling. */
    static void refuse() {
        server.resetMappings();
        server.stubFor(post(urlEqualTo(PATH))
                .willReturn(aResponse()
                        .withStatus(200)
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"code\":\"isv.BUSINESS_LIMIT_CONTROL\"}")));
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop();
        }
    }
}
