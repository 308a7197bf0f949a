package cn.gov.lvliang.renewal.gateway.console;

import cn.gov.lvliang.renewal.platform.problem.RouteProblems;
import io.quarkus.vertx.http.runtime.RouteConstants;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.net.SocketAddress;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Locale;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Serves the web console (业务控制台, module {@code console}) at {@code /console/} by passing the
 * requests to the console application, and sends {@code /} there. The console signs its users in
 * itself (session cookie or OIDC) and calls {@code /api/**} through this gateway with their token, so
 * this route checks no token and applies no rate limit of its own.
 */
@ApplicationScoped
public class ConsoleRoute {

    private static final Logger LOG = Logger.getLogger(ConsoleRoute.class);

    /** Connection-specific headers (RFC 9110 §7.6.1) and {@code Host}, never passed on. */
    private static final Set<String> NOT_FORWARDED = Set.of(
            "connection",
            "keep-alive",
            "proxy-authenticate",
            "proxy-authorization",
            "proxy-connection",
            "te",
            "trailer",
            "transfer-encoding",
            "upgrade",
            "host",
            "expect");

    private final HttpClient client;
    private final String consoleUrl;
    private final RouteProblems problems;

    public ConsoleRoute(
            Vertx vertx,
            RouteProblems problems,
            @ConfigProperty(name = "suite.console.url", defaultValue = "http://localhost:8085") String consoleUrl) {
        this.client = vertx.createHttpClient(new HttpClientOptions()
                .setConnectTimeout(1000)
                .setKeepAlive(true)
                .setDecompressionSupported(false));
        this.consoleUrl = consoleUrl.endsWith("/") ? consoleUrl.substring(0, consoleUrl.length() - 1) : consoleUrl;
        this.problems = problems;
    }

    void register(@Observes Router router) {
        // exact paths by regex: a plain route("/") would also take every path under it
        router.routeWithRegex("/|/console")
                .order(RouteConstants.ROUTE_ORDER_BEFORE_DEFAULT)
                .handler(ConsoleRoute::toConsole);
        router.route("/console/*")
                .order(RouteConstants.ROUTE_ORDER_BEFORE_DEFAULT)
                .handler(this::forward);
    }

    private static void toConsole(RoutingContext ctx) {
        ctx.response()
                .setStatusCode(302)
                .putHeader(HttpHeaders.LOCATION, "/console/")
                .end();
    }

    private void forward(RoutingContext ctx) {
        HttpServerRequest request = ctx.request();
        request.pause();
        String query = request.query();
        MultiMap headers = MultiMap.caseInsensitiveMultiMap();
        copy(request.headers(), headers);
        SocketAddress remote = request.remoteAddress();
        if (remote != null) {
            String previous = request.getHeader("X-Forwarded-For");
            headers.set(
                    "X-Forwarded-For",
                    previous == null ? remote.hostAddress() : previous + ", " + remote.hostAddress());
        }
        headers.set("X-Forwarded-Proto", request.scheme() == null ? "http" : request.scheme());
        String host = request.getHeader(HttpHeaders.HOST);
        if (host != null) {
            headers.set("X-Forwarded-Host", host);
        }
        RequestOptions options = new RequestOptions()
                .setMethod(request.method())
                .setAbsoluteURI(consoleUrl + ctx.normalizedPath() + (query == null ? "" : "?" + query))
                .setHeaders(headers)
                .setIdleTimeout(60_000);
        client.request(options)
                .compose(upstream -> hasBody(request) ? upstream.send(request) : upstream.send())
                .onSuccess(upstream -> relay(ctx, upstream))
                .onFailure(failure -> {
                    LOG.warnf("The console is unavailable for %s: %s", request.path(), failure.toString());
                    if (!ctx.response().headWritten()) {
                        problems.send(ctx, 503, "backend-unavailable", "detail.backend-unavailable", "console");
                    }
                });
    }

    private static boolean hasBody(HttpServerRequest request) {
        return request.headers().contains(HttpHeaders.CONTENT_LENGTH)
                || request.headers().contains(HttpHeaders.TRANSFER_ENCODING);
    }

    private static void relay(RoutingContext ctx, HttpClientResponse upstream) {
        HttpServerResponse response = ctx.response();
        response.setStatusCode(upstream.statusCode());
        copy(upstream.headers(), response.headers());
        // The gateway's own no-referrer makes browsers send "Origin: null" with the console's form
        // posts, which the CORS check refuses (403); the console's pages keep referrers same-origin.
        response.headers().set("Referrer-Policy", "same-origin");
        if (!upstream.headers().contains(HttpHeaders.CONTENT_LENGTH)) {
            response.setChunked(true);
        }
        upstream.pipeTo(response).onFailure(failure -> response.reset());
    }

    private static void copy(MultiMap from, MultiMap to) {
        for (var header : from) {
            if (!NOT_FORWARDED.contains(header.getKey().toLowerCase(Locale.ROOT))) {
                to.add(header.getKey(), header.getValue());
            }
        }
    }

    @PreDestroy
    void close() {
        client.close();
    }
}
