package cn.gov.lvliang.renewal.console.web;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A stand-in gateway on a loopback port for the console's page tests: {@code /dev/token} signs a
 * (fake) token for the role asked for, and a few API paths answer as the services do, errors
 * included. The browser tests (system-tests ConsoleBrowserIT) use the real suite.
 */
public class StubGateway implements QuarkusTestResourceLifecycleManager {

    /** A claim id the stub answers 404 for. */
    public static final String MISSING_CLAIM = "00000000-0000-0000-0000-000000000404";
    /** A claim id whose approval the stub refuses as stale (409). */
    public static final String STALE_CLAIM = "00000000-0000-0000-0000-000000000409";

    private static final Pattern ROLE = Pattern.compile("\"role\"\\s*:\\s*\"([a-z-]+)\"");
    private HttpServer server;

    @Override
    public Map<String, String> start() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", this::handle);
        server.start();
        return Map.of(
                "suite.console.gateway-url",
                "http://127.0.0.1:" + server.getAddress().getPort());
    }

    @Override
    public void stop() {
        server.stop(0);
    }

    private void handle(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        String path = exchange.getRequestURI().getPath();
        if (path.equals("/dev/token")) {
            Matcher role = ROLE.matcher(body);
            if (!role.find() || (role.group(1).equals("county-officer") && !body.contains("\"county\""))) {
                reply(
                        exchange,
                        400,
                        "{\"status\":400,\"detail\":\"1 error\",\"errors\":[{\"field\":\"county\","
                                + "\"message\":\"县级经办人员须有县代码\"}]}");
                return;
            }
            reply(exchange, 200, "{\"access_token\":\"" + token(role.group(1)) + "\"}");
            return;
        }
        if (path.equals("/api/subsidies/claims/" + MISSING_CLAIM)) {
            reply(exchange, 404, "{\"status\":404,\"detail\":\"申请 " + MISSING_CLAIM + " 不存在\"}");
            return;
        }
        if (path.equals("/api/subsidies/claims/" + STALE_CLAIM + "/approve")) {
            reply(exchange, 409, "{\"status\":409,\"detail\":\"版本已变化\"}");
            return;
        }
        reply(exchange, 404, "{\"status\":404,\"detail\":\"stub: " + path + "\"}");
    }

    static String token(String role) {
        Base64.Encoder url = Base64.getUrlEncoder().withoutPadding();
        String claims = "{\"sub\":\"dev-" + role + "\",\"groups\":[\"" + role + "\"],\"exp\":4000000000}";
        return url.encodeToString("{\"alg\":\"RS256\"}".getBytes(StandardCharsets.UTF_8)) + "."
                + url.encodeToString(claims.getBytes(StandardCharsets.UTF_8)) + ".signature";
    }

    private static void reply(HttpExchange exchange, int status, String json) throws IOException {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders()
                .add("Content-Type", status == 200 ? "application/json" : "application/problem+json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }
}
