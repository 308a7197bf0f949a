package cn.gov.lvliang.renewal.gateway;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A stand-in backend on a random loopback port (JDK HTTP server). It answers its readiness and
 * OpenAPI endpoints like a Quarkus service and echoes every other request as JSON: method, URI,
 * headers and body. {@code ?sleep=<ms>} delays the answer (and counts the requests in flight). {@code ?maxBody=<bytes>} makes it refuse a
 * larger body like a service does (the platform's {@code BodyLimit}): 413 problem+json as soon as the
 * limit is passed, then the rest of the body read and dropped. It can be stopped and started again on
 * the same port.
 */
public final class FakeBackend {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String name;
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger mostInFlight = new AtomicInteger();
    private HttpServer server;
    private int port;

    public FakeBackend(String name) {
        this.name = name;
    }

    public synchronized FakeBackend start() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", this::handle);
        server.setExecutor(executor);
        server.start();
        port = server.getAddress().getPort();
        return this;
    }

    /** Stops listening: connections are refused until {@link #start()}. */
    public synchronized void stop() {
        server.stop(0);
    }

    /** Runs {@code check} while this backend refuses connections, then starts it again. */
    public void whileDown(Runnable check) {
        stop();
        try {
            check.run();
        } finally {
            start();
        }
    }

    /** The most requests this backend has been answering at the same time since the last reset. */
    public int mostInFlight() {
        return mostInFlight.get();
    }

    public void resetInFlight() {
        mostInFlight.set(0);
    }

    public String name() {
        return name;
    }

    public String url() {
        return "http://127.0.0.1:" + port;
    }

    private void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getRawPath();
        String query = exchange.getRequestURI().getRawQuery();
        if (query != null && query.startsWith("maxBody=")) {
            refuseOver(exchange, Long.parseLong(query.substring("maxBody=".length())));
            return;
        }
        byte[] body;
        try (InputStream in = exchange.getRequestBody()) {
            body = in.readAllBytes();
        }
        if (path.equals("/q/health/ready")) {
            reply(exchange, 200, Map.of("status", "UP", "checks", new Object[0]));
            return;
        }
        if (path.equals("/q/openapi")) {
            if (!"format=json".equals(query)) {
                reply(exchange, 400, Map.of("error", "expected format=json"));
                return;
            }
            reply(
                    exchange,
                    200,
                    Map.of("openapi", "3.1.0", "info", Map.of("title", name, "version", "0.1.0"), "paths", Map.of()));
            return;
        }
        if (query != null && query.startsWith("sleep=")) {
            mostInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
            try {
                Thread.sleep(Long.parseLong(query.substring("sleep=".length())));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                inFlight.decrementAndGet();
            }
        }
        Map<String, String> headers = new LinkedHashMap<>();
        exchange.getRequestHeaders()
                .forEach((key, values) -> headers.put(key.toLowerCase(Locale.ROOT), String.join(",", values)));
        Map<String, Object> echo = new LinkedHashMap<>();
        echo.put("backend", name);
        echo.put("instance", url());
        echo.put("method", exchange.getRequestMethod());
        echo.put("uri", exchange.getRequestURI().getRawPath() + (query == null ? "" : "?" + query));
        echo.put("headers", headers);
        echo.put("bodyLength", body.length);
        echo.put("body", new String(body, StandardCharsets.UTF_8));
        exchange.getResponseHeaders().add("X-Backend", name);
        exchange.getResponseHeaders().add("Keep-Alive", "timeout=60");
        reply(exchange, "POST".equals(exchange.getRequestMethod()) ? 201 : 200, echo);
    }

    private static void refuseOver(HttpExchange exchange, long max) throws IOException {
        try (InputStream in = exchange.getRequestBody()) {
            byte[] buffer = new byte[64 * 1024];
            long seen = 0;
            int read;
            while (seen <= max && (read = in.read(buffer)) >= 0) {
                seen += read;
            }
            if (seen <= max) {
                reply(exchange, 201, Map.of("bodyLength", seen));
                return;
            }
            Map<String, Object> problem = new LinkedHashMap<>();
            problem.put("type", "urn:lvliang:renewal:problem:payload-too-large");
            problem.put("title", "Payload too large");
            problem.put("status", 413);
            problem.put("detail", "The body is larger than accepted: at most " + max + " bytes.");
            byte[] bytes = JSON.writeValueAsBytes(problem);
            exchange.getResponseHeaders().add("Content-Type", "application/problem+json");
            exchange.sendResponseHeaders(413, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.getResponseBody().flush();
            while (in.read(buffer) >= 0) {
                // drop the rest, as the services do
            }
        }
        exchange.close();
    }

    private static void reply(HttpExchange exchange, int status, Object body) throws IOException {
        byte[] bytes = JSON.writeValueAsBytes(body);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }
}
