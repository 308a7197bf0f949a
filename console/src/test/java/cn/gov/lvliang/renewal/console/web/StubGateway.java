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

    /** A claim with one PDF document and one missing kind of evidence; its approval is refused (409). */
    public static final String EVIDENCE_CLAIM = "00000000-0000-0000-0000-0000000e0001";
    /** The PDF document of {@link #EVIDENCE_CLAIM}. */
    public static final String DOCUMENT = "00000000-0000-0000-0000-0000000d0001";

    private static final String EVIDENCE_CLAIM_JSON =
            "{\"id\":\"" + EVIDENCE_CLAIM + "\",\"status\":\"PENDING_REVIEW\","
                    + "\"programmeId\":\"HOME-APPLIANCE\",\"ruleVersion\":1,\"county\":\"141124\",\"amountFen\":100000,"
                    + "\"sellerCreditCode\":\"91141100MA0K0000XA\",\"purchaseDate\":\"2025-03-01\",\"computation\":\"-\","
                    + "\"reasonCode\":null,\"reasonNote\":null,\"overdue\":false,\"submittedAt\":\"2026-12-04T10:00:00Z\","
                    + "\"applicant\":{\"name\":\"张*\",\"idNumber\":\"1411**********1233\"},\"flags\":[],\"checks\":[],"
                    + "\"version\":2,\"evidence\":[{\"id\":\"" + DOCUMENT + "\",\"kind\":\"INVOICE\",\"sizeBytes\":20,"
                    + "\"detectedType\":\"PDF\",\"mediaType\":\"application/pdf\",\"uploadedBy\":\"dev-county-officer\","
                    + "\"uploadedAt\":\"2026-12-04T10:00:00Z\"}],\"evidenceCompleteness\":["
                    + "{\"kind\":\"INVOICE\",\"state\":\"PRESENT\",\"documents\":1},"
                    + "{\"kind\":\"PRODUCT_PHOTO\",\"state\":\"MISSING\",\"documents\":0},"
                    + "{\"kind\":\"BANK_ACCOUNT\",\"state\":\"MISSING\",\"documents\":0}]}";

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
            reply(
                    exchange,
                    409,
                    "{\"type\":\"urn:lvliang:renewal:problem:stale-version\",\"status\":409,\"detail\":\"版本已变化\"}");
            return;
        }
        if (path.equals("/api/subsidies/claims/" + EVIDENCE_CLAIM)) {
            reply(exchange, 200, EVIDENCE_CLAIM_JSON);
            return;
        }
        if (path.equals("/api/subsidies/claims/" + EVIDENCE_CLAIM + "/approve")) {
            reply(
                    exchange,
                    409,
                    "{\"type\":\"urn:lvliang:renewal:problem:evidence-missing\",\"status\":409,"
                            + "\"detail\":\"申请缺少以下材料：PRODUCT_PHOTO。\"}");
            return;
        }
        if (path.equals("/api/subsidies/claims/" + EVIDENCE_CLAIM + "/evidence")) {
            // the service detects the type and counts the size: this stub takes nothing
            if (body.contains("BANK_ACCOUNT")) {
                reply(exchange, 413, "{\"status\":413,\"detail\":\"文件超过 10 MB\"}");
                return;
            }
            reply(exchange, 415, "{\"status\":415,\"detail\":\"只接受 PDF、JPEG、PNG、OFD 或数电票 XML\"}");
            return;
        }
        if (path.equals("/api/subsidies/claims/" + EVIDENCE_CLAIM + "/evidence/" + DOCUMENT)) {
            byte[] pdf = "%PDF-1.4\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
            exchange.getResponseHeaders().add("Content-Type", "application/pdf");
            exchange.sendResponseHeaders(200, pdf.length);
            exchange.getResponseBody().write(pdf);
            exchange.close();
            return;
        }
        if (path.equals("/api/subsidies/claims/monthly-totals")) {
            String authorization = exchange.getRequestHeaders().getFirst("Authorization");
            if (("Bearer " + token("auditor")).equals(authorization)) {
                reply(exchange, 503, "{\"status\":503,\"detail\":\"stub: the service is down\"}");
                return;
            }
            reply(exchange, 200, CLAIM_TOTALS);
            return;
        }
        String desk = DESK.get(path);
        if (desk != null) {
            reply(exchange, 200, desk);
            return;
        }
        if (path.equals("/api/equipment/responsibilities/" + DEPARTMENT)) {
            reply(exchange, 403, "{\"status\":403,\"detail\":\"stub: not this department's\"}");
            return;
        }
        reply(exchange, 404, "{\"status\":404,\"detail\":\"stub: " + path + "\"}");
    }

    /**
     * The subsidy service's claims per programme and month, as it answers them (ordered by programme
     * and month; it refuses the auditor here with 503, to try the chart's notice).
     */
    static final String CLAIM_TOTALS = "["
            + "{\"programmeId\":\"CAR-SCRAPPAGE\",\"month\":\"2026-04\",\"claims\":2,\"amountFen\":4000000,"
            + "\"paidAmountFen\":2000000},"
            + "{\"programmeId\":\"HOME-APPLIANCE\",\"month\":\"2026-03\",\"claims\":3,\"amountFen\":150000,"
            + "\"paidAmountFen\":50000},"
            + "{\"programmeId\":\"HOME-APPLIANCE\",\"month\":\"2026-04\",\"claims\":1,\"amountFen\":20000,"
            + "\"paidAmountFen\":0}]";

    /** The department the desk is tried with. */
    static final String DEPARTMENT = "swj";

    /**
     * What the desk reads, as the services answer it; the equipment service refuses the
     * department's responsibility (403) and the recycling service does not know the path (404).
     */
    private static final Map<String, String> DESK = Map.of(
            "/api/tasks/assignments",
            "{\"items\":[],\"total\":0}",
            "/api/tasks/supervision/overdue",
            "{\"assignments\":[]}",
            "/api/tasks/departments",
            "[{\"code\":\"swj\",\"name\":\"市商务局\",\"kind\":\"DEPARTMENT\"}]",
            "/api/subsidies/programmes",
            "[]",
            "/api/subsidies/responsibilities/" + DEPARTMENT,
            "{\"department\":\"swj\",\"categories\":[\"HOME_APPLIANCE\",\"CAR_SCRAPPAGE\"]}");

    static String token(String role) {
        return token(role, null);
    }

    /** A token of the role, with a department scope claim when {@code department} is not null. */
    static String token(String role, String department) {
        Base64.Encoder url = Base64.getUrlEncoder().withoutPadding();
        String claims = "{\"sub\":\"dev-" + role + "\",\"groups\":[\"" + role + "\"],"
                + (department == null ? "" : "\"department\":\"" + department + "\",") + "\"exp\":4000000000}";
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
