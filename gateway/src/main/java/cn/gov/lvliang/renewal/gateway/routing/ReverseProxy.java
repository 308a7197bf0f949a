package cn.gov.lvliang.renewal.gateway.routing;

import cn.gov.lvliang.renewal.gateway.GatewayConfig;
import cn.gov.lvliang.renewal.gateway.edge.EdgeAuthenticator;
import cn.gov.lvliang.renewal.gateway.limits.CircuitBreaker;
import cn.gov.lvliang.renewal.gateway.limits.LimitedBody;
import cn.gov.lvliang.renewal.gateway.limits.RateLimiter;
import cn.gov.lvliang.renewal.platform.problem.BodyLimit;
import cn.gov.lvliang.renewal.platform.problem.RouteProblems;
import cn.gov.lvliang.renewal.platform.web.RequestIds;
import io.quarkus.vertx.http.runtime.RouteConstants;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.http.HttpVersion;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.net.HostAndPort;
import io.vertx.core.net.SocketAddress;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.logging.Logger;
import org.jboss.logging.MDC;

/**
 * The streaming reverse proxy (反向代理) for {@code /api/**}.
 *
 * <p>Per request: assign the request id (the trace context is OpenTelemetry's: a server span per
 * request and a client span per backend call, which sends {@code traceparent}), check the bearer token unless the path
 * is public, pick the backend by path prefix, and stream the request to it and its response back.
 * Method, path, query, body, status and end-to-end headers pass unchanged; hop-by-hop headers are
 * dropped and {@code X-Forwarded-For/Proto/Host} added. A backend that cannot be reached or stays
 * silent longer than {@code suite.gateway.request-timeout} yields a 503 problem.
 */
@ApplicationScoped
public class ReverseProxy {

    private static final Logger LOG = Logger.getLogger(ReverseProxy.class);

    private final Routes routes;
    private final BackendClient backends;
    private final Instances instances;
    private final EdgeAuthenticator authenticator;
    private final RouteProblems problems;
    private final RateLimiter limiter;
    private final Limits ordinary;
    private final Limits bulk;
    private final List<Pattern> bulkPaths;
    private final GatewayConfig.Circuit circuit;
    /** One circuit per instance (base URL) of a backend. */
    private final Map<String, CircuitBreaker> breakers = new ConcurrentHashMap<>();

    public ReverseProxy(
            Routes routes,
            BackendClient backends,
            Instances instances,
            EdgeAuthenticator authenticator,
            RouteProblems problems,
            RateLimiter limiter,
            GatewayConfig config) {
        this.routes = routes;
        this.backends = backends;
        this.instances = instances;
        this.authenticator = authenticator;
        this.problems = problems;
        this.limiter = limiter;
        this.ordinary = new Limits(
                config.maxBodySize().asLongValue(), config.requestTimeout().toMillis());
        this.bulk = new Limits(
                config.bulk().maxBodySize().asLongValue(),
                config.bulk().requestTimeout().toMillis());
        this.bulkPaths =
                config.bulk().paths().stream().map(ReverseProxy::pathPrefix).toList();
        this.circuit = config.circuit();
    }

    void register(@Observes Router router) {
        router.route("/api/*").order(RouteConstants.ROUTE_ORDER_BEFORE_DEFAULT).handler(this::handle);
    }

    void handle(RoutingContext ctx) {
        HttpServerRequest request = ctx.request();
        // Nothing of the body is read until the backend is connected; then it is streamed.
        request.pause();
        String requestId = ProxyHeaders.requestId(request.getHeader(ProxyHeaders.REQUEST_ID));
        ctx.put(RequestIds.PROPERTY, requestId);
        // Quarkus keeps the MDC on the request's Vert.x context, so it follows the callbacks.
        MDC.put("requestId", requestId);
        ctx.response().putHeader(ProxyHeaders.REQUEST_ID, requestId);

        // Decide on the normalised path (no "..") and forward that same path.
        String path = ctx.normalizedPath();
        Limits limits = limitsFor(path);
        if (declaredLength(request) > limits.maxBodyBytes()) {
            tooLarge(ctx, limits);
            return;
        }
        if (routes.isPublic(path)) {
            SocketAddress remote = request.remoteAddress();
            if (withinLimit(ctx, limiter.anonymous(remote == null ? "unknown" : remote.hostAddress(), path))) {
                route(ctx, path, limits, requestId);
            }
            return;
        }
        authenticator.authenticate(request.getHeader(HttpHeaders.AUTHORIZATION)).onComplete(result -> {
            if (result.failed()) {
                authenticator.challenge(ctx, result.cause());
            } else if (withinLimit(
                    ctx,
                    limiter.client(clientId(result.result()), result.result().getSubject()))) {
                route(ctx, path, limits, requestId);
            }
        });
    }

    /**
     * The client a token was issued to: {@code azp} (OIDC authorised party, set by Keycloak for
     * both users and client-credentials clients), else {@code client_id}, else the subject.
     */
    static String clientId(JsonWebToken token) {
        for (String claim : new String[] {"azp", "client_id"}) {
            Object value = token.getClaim(claim);
            if (value != null && !value.toString().isBlank()) {
                return value.toString().replace("\"", "");
            }
        }
        return token.getSubject() == null ? "anonymous" : token.getSubject();
    }

    /** The body limit and allowed backend silence of a path: larger for bulk uploads. */
    Limits limitsFor(String path) {
        for (Pattern prefix : bulkPaths) {
            if (prefix.matcher(path).lookingAt()) {
                return bulk;
            }
        }
        return ordinary;
    }

    record Limits(long maxBodyBytes, long requestTimeoutMillis) {}

    /**
     * A configured path prefix, in which {@code *} stands for one path segment, such as {@code
     * /api/subsidies/claims/*}{@code /evidence} for evidence uploads to any claim.
     */
    static Pattern pathPrefix(String prefix) {
        StringBuilder regex = new StringBuilder();
        String[] parts = prefix.split("\\*", -1);
        for (int i = 0; i < parts.length; i++) {
            if (i > 0) {
                regex.append("[^/]+");
            }
            regex.append(Pattern.quote(parts[i]));
        }
        return Pattern.compile(regex.toString());
    }

    /** False, after answering 429 with {@code Retry-After}, when the caller is over its limit. */
    private boolean withinLimit(RoutingContext ctx, long retryAfterSeconds) {
        if (retryAfterSeconds == 0) {
            return true;
        }
        ctx.response().putHeader(HttpHeaders.RETRY_AFTER, Long.toString(retryAfterSeconds));
        problems.send(ctx, 429, "too-many-requests", "detail.too-many-requests", retryAfterSeconds);
        return false;
    }

    private void tooLarge(RoutingContext ctx, Limits limits) {
        ctx.response().putHeader(HttpHeaders.CONNECTION, "close");
        problems.send(
                ctx,
                413,
                "payload-too-large",
                "detail.payload-over-limit",
                BodyLimit.human(limits.maxBodyBytes()),
                limits.maxBodyBytes());
    }

    private static long declaredLength(HttpServerRequest request) {
        String length = request.getHeader(HttpHeaders.CONTENT_LENGTH);
        if (length == null) {
            return 0;
        }
        try {
            return Long.parseLong(length.trim());
        } catch (NumberFormatException malformed) {
            return 0;
        }
    }

    private void route(RoutingContext ctx, String path, Limits limits, String requestId) {
        routes.forPath(path)
                .ifPresentOrElse(
                        target -> forward(ctx, target, path, limits, requestId),
                        () -> problems.send(ctx, 404, "not-found", "detail.no-route", path));
    }

    private void forward(RoutingContext ctx, Routes.Target target, String path, Limits limits, String requestId) {
        connect(ctx, target, path, limits, requestId, new HashSet<>(), 0);
    }

    /**
     * Connects to an instance of {@code target} not tried yet and streams the request to it. An
     * instance that refuses the connection has received nothing, so the next one is tried; so is an
     * instance whose circuit is open. Each instance has its own circuit (decision 0034): one replica
     * that dies with requests in flight opens its own, not its backend's, and the others keep
     * answering. With every instance's circuit open the answer is 503 at once, with Retry-After.
     *
     * @param blockedNanos the shortest time until an instance skipped for its open circuit lets
     *     calls pass again (0: none was skipped)
     */
    private void connect(
            RoutingContext ctx,
            Routes.Target target,
            String path,
            Limits limits,
            String requestId,
            Set<String> tried,
            long blockedNanos) {
        Optional<String> instance = instances.pick(target, tried);
        if (instance.isEmpty()) {
            if (blockedNanos > 0) {
                ctx.response()
                        .putHeader(
                                HttpHeaders.RETRY_AFTER,
                                Long.toString(Math.max(1, (blockedNanos + 999_999_999L) / 1_000_000_000L)));
                problems.send(ctx, 503, "backend-unavailable", "detail.backend-unavailable", target.name());
            } else {
                unavailable(ctx, target, new IllegalStateException("no instance could be reached: " + tried));
            }
            return;
        }
        String base = instance.get();
        tried.add(base);
        CircuitBreaker breaker = breakers.computeIfAbsent(
                base, url -> new CircuitBreaker(circuit.failureThreshold(), circuit.openDuration()));
        long blocked = breaker.blockedFor(System.nanoTime());
        if (blocked > 0) {
            connect(
                    ctx,
                    target,
                    path,
                    limits,
                    requestId,
                    tried,
                    blockedNanos == 0 ? blocked : Math.min(blockedNanos, blocked));
            return;
        }
        HttpServerRequest request = ctx.request();
        String query = request.query();
        RequestOptions options = new RequestOptions()
                .setMethod(request.method())
                .setAbsoluteURI(base + path + (query == null ? "" : "?" + query))
                .setIdleTimeout(limits.requestTimeoutMillis());
        MultiMap headers = upstreamHeaders(request, requestId);
        options.setHeaders(headers);
        backends.client().request(options).onComplete(connected -> {
            if (connected.failed()) {
                breaker.failure(System.nanoTime());
                instances.markDown(base);
                connect(ctx, target, path, limits, requestId, tried, blockedNanos);
                return;
            }
            send(ctx, target, breaker, limits, connected.result(), headers);
        });
    }

    private void send(
            RoutingContext ctx,
            Routes.Target target,
            CircuitBreaker breaker,
            Limits limits,
            HttpClientRequest upstreamRequest,
            MultiMap headers) {
        HttpServerRequest request = ctx.request();
        boolean hasBody = hasBody(request);
        LimitedBody body = new LimitedBody(request, limits.maxBodyBytes());
        Future<HttpClientResponse> response;
        if (!hasBody) {
            response = upstreamRequest.send();
        } else {
            // The caller waits for "100 Continue" before sending its body; the backend is connected.
            if ("100-continue".equalsIgnoreCase(request.getHeader(HttpHeaders.EXPECT))) {
                ctx.response().writeContinue();
            }
            if (!headers.contains(HttpHeaders.CONTENT_LENGTH)) {
                upstreamRequest.setChunked(true);
            }
            response = upstreamRequest.send(body);
        }
        response.onSuccess(upstream -> {
                    breaker.success();
                    relay(ctx, upstream);
                })
                .onFailure(failure -> {
                    if (body.exceeded()) {
                        tooLarge(ctx, limits);
                        return;
                    }
                    breaker.failure(System.nanoTime());
                    unavailable(ctx, target, failure);
                });
    }

    /**
     * Whether the caller sends a body. HTTP/1.1 says so with {@code Content-Length} or {@code
     * Transfer-Encoding}. HTTP/2 (also after an {@code h2c} upgrade, which the JDK's HttpClient
     * attempts by default) has neither header: a stream that carries data frames has a body, so any
     * request that names a {@code Content-Type} or uses a method with a body is streamed, chunked.
     */
    static boolean hasBody(HttpServerRequest request) {
        MultiMap headers = request.headers();
        if (headers.contains(HttpHeaders.CONTENT_LENGTH) || headers.contains(HttpHeaders.TRANSFER_ENCODING)) {
            return true;
        }
        if (request.version() != HttpVersion.HTTP_2) {
            return false;
        }
        HttpMethod method = request.method();
        return headers.contains(HttpHeaders.CONTENT_TYPE)
                || method == HttpMethod.POST
                || method == HttpMethod.PUT
                || method == HttpMethod.PATCH;
    }

    /** The headers sent to the backend: end-to-end ones, the request id and X-Forwarded-*. */
    private static MultiMap upstreamHeaders(HttpServerRequest request, String requestId) {
        MultiMap headers = MultiMap.caseInsensitiveMultiMap();
        ProxyHeaders.copyEndToEnd(request.headers(), headers);
        headers.set(ProxyHeaders.REQUEST_ID, requestId);
        // The trace context is OpenTelemetry's: the client span of this call sets it (decision 0031).
        ProxyHeaders.dropTraceContext(headers);
        SocketAddress remote = request.remoteAddress();
        if (remote != null) {
            String previous = request.getHeader("X-Forwarded-For");
            String client = remote.hostAddress();
            headers.set("X-Forwarded-For", previous == null ? client : previous + ", " + client);
        }
        headers.set("X-Forwarded-Proto", request.scheme() == null ? "http" : request.scheme());
        String host = originalHost(request);
        if (host != null) {
            headers.set("X-Forwarded-Host", host);
        }
        return headers;
    }

    /** Streams the backend's response to the caller. */
    private void relay(RoutingContext ctx, HttpClientResponse upstream) {
        HttpServerResponse response = ctx.response();
        // One line per proxied request, with its request and trace ids; the path only (a query may
        // hold search terms such as a phone number, which never reach a log line).
        LOG.infof("%s %s -> %d", ctx.request().method(), ctx.request().path(), upstream.statusCode());
        response.setStatusCode(upstream.statusCode());
        if (upstream.statusMessage() != null) {
            response.setStatusMessage(upstream.statusMessage());
        }
        ProxyHeaders.copyEndToEnd(upstream.headers(), response.headers());
        response.headers().set(ProxyHeaders.REQUEST_ID, (String) ctx.get(RequestIds.PROPERTY));
        boolean bodyless = ctx.request().method() == HttpMethod.HEAD
                || upstream.statusCode() == 204
                || upstream.statusCode() == 304;
        if (!bodyless && !upstream.headers().contains(HttpHeaders.CONTENT_LENGTH)) {
            response.setChunked(true);
        }
        upstream.pipeTo(response).onFailure(failure -> {
            LOG.warnf(
                    "Relaying the response of %s failed after the status line was sent (request %s): %s",
                    ctx.request().path(), ctx.get(RequestIds.PROPERTY), failure.toString());
            response.reset();
        });
    }

    private void unavailable(RoutingContext ctx, Routes.Target target, Throwable failure) {
        LOG.warnf(
                "Backend %s unavailable for %s %s (request %s): %s",
                target.name(),
                ctx.request().method(),
                ctx.request().path(),
                ctx.get(RequestIds.PROPERTY),
                failure.toString());
        problems.send(ctx, 503, "backend-unavailable", "detail.backend-unavailable", target.name());
    }

    private static String originalHost(HttpServerRequest request) {
        String host = request.getHeader(HttpHeaders.HOST);
        if (host != null) {
            return host;
        }
        HostAndPort authority = request.authority();
        if (authority == null) {
            return null;
        }
        return authority.port() > 0 ? authority.host() + ":" + authority.port() : authority.host();
    }
}
