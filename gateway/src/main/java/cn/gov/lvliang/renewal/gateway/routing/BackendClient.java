package cn.gov.lvliang.renewal.gateway.routing;

import cn.gov.lvliang.renewal.gateway.GatewayConfig;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.PoolOptions;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

/** The one pooled Vert.x HTTP client the gateway uses to call every backend. */
@ApplicationScoped
public class BackendClient {

    private final HttpClient client;

    public BackendClient(Vertx vertx, GatewayConfig config) {
        this.client = vertx.createHttpClient(
                new HttpClientOptions()
                        .setConnectTimeout((int) config.connectTimeout().toMillis())
                        .setKeepAlive(true)
                        // Never decompress: bodies pass through byte for byte.
                        .setDecompressionSupported(false),
                new PoolOptions().setHttp1MaxSize(config.maxConnectionsPerBackend()));
    }

    public HttpClient client() {
        return client;
    }

    @PreDestroy
    void close() {
        client.close();
    }
}
