package cn.gov.lvliang.renewal.testing.corpus;

import static io.restassured.RestAssured.given;

import cn.gov.lvliang.renewal.platform.problem.BodyLimit;
import cn.gov.lvliang.renewal.platform.security.Caller;
import cn.gov.lvliang.renewal.platform.security.Roles;
import cn.gov.lvliang.renewal.testing.SuiteInfrastructure;
import cn.gov.lvliang.renewal.testing.TestIdentifiers;
import cn.gov.lvliang.renewal.testing.TestTokens;
import cn.gov.lvliang.renewal.testing.openapi.ApiOperation;
import cn.gov.lvliang.renewal.testing.openapi.ApiOperations;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Sends the {@link BadInputCorpus} to every write operation of the app under test, as its OpenAPI
 * document declares them, and collects every answer that breaks the rule: a 5xx, a 2xx to input that
 * must be refused, a 4xx that is not {@code application/problem+json}, or a refused request that
 * changed a row count in the service's database.
 *
 * <p>Use it from one {@code @QuarkusTest} per module (the module's single app, no test profile):
 *
 * <pre>{@code
 * List<String> failures = BadInputSweep.ofThisApp().withBody("POST /api/x", () -> validBody()).run();
 * assertThat(failures).isEmpty();
 * }</pre>
 *
 * An operation added later is swept without any change here: the corpus follows the document.
 * A valid base body per operation ({@link #withBody}) lets the hostile values travel further (past
 * "missing field" to the database); without one, a skeleton is built from the schema's examples.
 */
public final class BadInputSweep {

    private static final Set<String> WRITES = Set.of("POST", "PUT", "PATCH", "DELETE");
    private static final String ENTERPRISE = TestIdentifiers.creditCode();

    private final List<ApiOperation> operations;
    private final Map<String, Supplier<Map<String, Object>>> bodies = new LinkedHashMap<>();
    private final Map<String, Function<String, String>> pathValues = new LinkedHashMap<>();
    private final List<String> report = new ArrayList<>();
    private int requests;
    private final Map<String, String> tokens = new LinkedHashMap<>();
    private final Set<Map<String, Object>> sweptSchemas = new java.util.HashSet<>();
    private Connection database;
    private String countQuery;

    private BadInputSweep(List<ApiOperation> operations) {
        this.operations = operations;
    }

    /** Every write operation under {@code /api/} of the app under test. */
    public static BadInputSweep ofThisApp() {
        return new BadInputSweep(ApiOperations.loadApi().stream()
                .filter(operation -> WRITES.contains(operation.method()))
                .toList());
    }

    public List<ApiOperation> operations() {
        return operations;
    }

    /** A valid base body for one operation ({@code "POST /api/..."}), from which the corpus is derived. */
    public BadInputSweep withBody(String operationKey, Supplier<Map<String, Object>> body) {
        bodies.put(operationKey, body);
        return this;
    }

    /** Values of an operation's path parameters (default: a random UUID, which names nothing). */
    public BadInputSweep withPath(String operationKey, Function<String, String> values) {
        pathValues.put(operationKey, values);
        return this;
    }

    /** Number of requests sent by {@link #run()}. */
    public int requests() {
        return requests;
    }

    /** Sends the corpus; returns one line per broken rule (empty when all is well). */
    public List<String> run() {
        for (ApiOperation operation : operations) {
            long started = System.nanoTime();
            int before = requests;
            sweep(operation);
            System.out.printf(
                    "  corpus %-60s %4d requests %6d ms%n",
                    operation.key(), requests - before, (System.nanoTime() - started) / 1_000_000);
        }
        return List.copyOf(report);
    }

    /** Closes the database connection the sweep keeps for its row counts. */
    public void close() {
        try {
            if (database != null) {
                database.close();
            }
        } catch (SQLException ignored) {
            // nothing to do
        }
    }

    /**
     * Sends one oversize JSON body to the first JSON write operation, once with {@code
     * Content-Length} and once chunked (no length: the server finds out while reading); returns
     * broken rules. The body limit is enforced before any routing, the same for every path, and an
     * oversize upload takes seconds, so one operation per module stands for all. Like every other
     * refusal, the answer must be a 4xx {@code application/problem+json}; over the app's limit
     * ({@code quarkus.http.limits.max-body-size}) it must be 413, saying so in its body ({@code
     * status} 413, type {@code payload-too-large}). A connection closed mid-upload is a failure too:
     * the platform's {@code BodyLimit} answers, then reads and drops the rest.
     */
    public List<String> runOversize(int bytes) {
        BadInput huge = BadInputCorpus.oversize(bytes);
        for (ApiOperation operation : operations.stream()
                .filter(operation -> operation.jsonSchema() != null)
                .limit(1)
                .toList()) {
            for (boolean chunked : new boolean[] {false, true}) {
                String what = huge + (chunked ? " (chunked)" : " (Content-Length)");
                long started = System.nanoTime();
                Map<String, Long> before = rowCounts();
                int status = 0;
                try {
                    RequestSpecification request = request(operation).contentType(huge.contentType());
                    Response response = (chunked
                                    ? request.body(new java.io.ByteArrayInputStream(huge.body()))
                                    : request.body(huge.body()))
                            .request(operation.method(), path(operation));
                    check(operation, what, response, true);
                    status = response.statusCode();
                    if (bytes > BodyLimit.configuredMaxBytes() && status != 413) {
                        report.add(operation.key() + " · " + what + " → " + status + " instead of 413 (limit "
                                + BodyLimit.configuredMaxBytes() + " bytes)");
                    }
                    if (response.statusCode() == 413) {
                        Object declared = response.path("status");
                        String type = Objects.toString(response.path("type"), "");
                        if (!Objects.equals(declared, 413) || !type.endsWith(":payload-too-large")) {
                            report.add(operation.key() + " · " + what + " → 413 with body "
                                    + abbreviate(response.asString()));
                        }
                    }
                } catch (Exception e) { // RestAssured rethrows IOExceptions unchecked
                    report.add(operation.key() + " · " + what + " → no answer: " + rootCause(e));
                }
                Map<String, String> moved = moved(before, rowCounts());
                if (!moved.isEmpty()) {
                    report.add(operation.key() + " · " + what + " changed rows " + moved);
                }
                System.out.printf(
                        "  oversize %-58s %-8s → %d %6d ms%n",
                        operation.key(),
                        chunked ? "chunked" : "length",
                        status,
                        (System.nanoTime() - started) / 1_000_000);
            }
        }
        return List.copyOf(report);
    }

    private void sweep(ApiOperation operation) {
        Map<String, Object> schema = operation.jsonSchema();
        if (schema != null) {
            Map<String, Object> base = bodies.containsKey(operation.key())
                    ? bodies.get(operation.key()).get()
                    : Skeleton.of(schema);
            // A request type already swept field by field (create and update often share one) gets
            // only the body-level entries: the same fields would meet the same validation again.
            List<BadInput> corpus =
                    sweptSchemas.add(schema) ? BadInputCorpus.forJson(schema, base) : BadInputCorpus.bodyLevel(base);
            for (BadInput input : corpus) {
                checked(
                        operation,
                        input.toString(),
                        input.mustRefuse(),
                        () -> send(operation, input.contentType(), input.body()));
            }
        } else if (operation.requestBody().containsKey("multipart/form-data")) {
            for (BadInputCorpus.NamedFile file : BadInputCorpus.files()) {
                checked(
                        operation,
                        file.toString(),
                        true,
                        () -> request(operation)
                                .multiPart("file", file.fileName(), file.content(), file.contentType())
                                .request(operation.method(), path(operation)));
            }
        } else if (operation.hasBody()) {
            String mediaType = operation.requestBody().keySet().iterator().next();
            for (BadInputCorpus.NamedFile file : BadInputCorpus.files()) {
                if (file.contentType().startsWith("text/")) {
                    checked(operation, file.toString(), true, () -> send(operation, mediaType, file.content()));
                }
            }
        }
    }

    private Response send(ApiOperation operation, String contentType, byte[] body) {
        return request(operation)
                .contentType(contentType.contains("charset") ? contentType : contentType + "; charset=UTF-8")
                .body(body)
                .request(operation.method(), path(operation));
    }

    private RequestSpecification request(ApiOperation operation) {
        requests++;
        return given().auth()
                .oauth2(tokens.computeIfAbsent(operation.key(), key -> token(operation)))
                .header("Accept-Language", "en");
    }

    private String path(ApiOperation operation) {
        Function<String, String> values = pathValues.getOrDefault(
                operation.key(), name -> java.util.UUID.randomUUID().toString());
        return operation.concretePath(values);
    }

    /** A caller allowed to call the operation, with every kind of scope claim. */
    static String token(ApiOperation operation) {
        String role = operation.roles().contains(Roles.CITY_ADMIN)
                        || operation.roles().isEmpty()
                ? Roles.CITY_ADMIN
                : operation.roles().stream().sorted().findFirst().orElseThrow();
        return TestTokens.token(
                role,
                Map.of(
                        Caller.COUNTY_CLAIM, "141102",
                        Caller.ENTERPRISE_CLAIM, ENTERPRISE,
                        Caller.DEPARTMENT_CLAIM, "SWJ"));
    }

    /** Sends; if the row counts moved while a consumer was busy, sends once more before judging. */
    private void checked(ApiOperation operation, String what, boolean mustRefuse, Supplier<Response> call) {
        for (int attempt = 1; ; attempt++) {
            Map<String, Long> before = rowCounts();
            Response response = call.get();
            int status = response.statusCode();
            boolean refused = status >= 400 && status < 500;
            if (refused || mustRefuse) {
                Map<String, Long> after = rowCounts();
                Map<String, String> moved = moved(before, after);
                boolean consumerBusy = moved.containsKey("inbox_event");
                if (refused && !moved.isEmpty() && consumerBusy && attempt == 1) {
                    continue; // a background event landed meanwhile; judge a quiet attempt
                }
                check(operation, what, response, mustRefuse);
                if (refused && !moved.isEmpty()) {
                    report.add(operation.key() + " · " + what + " → " + status + " but rows changed " + moved);
                }
            } else {
                check(operation, what, response, mustRefuse);
            }
            return;
        }
    }

    private void check(ApiOperation operation, String what, Response response, boolean mustRefuse) {
        int status = response.statusCode();
        String contentType = Objects.toString(response.getContentType(), "");
        if (status >= 500) {
            report.add(operation.key() + " · " + what + " → " + status + " " + abbreviate(response.asString()));
        } else if (status < 400 && mustRefuse) {
            report.add(operation.key() + " · " + what + " → " + status + " (accepted; must be refused)");
        } else if (status >= 400 && !contentType.startsWith("application/problem+json")) {
            report.add(operation.key() + " · " + what + " → " + status + " with " + contentType
                    + " instead of application/problem+json");
        }
    }

    private static Map<String, String> moved(Map<String, Long> before, Map<String, Long> after) {
        Map<String, String> moved = new TreeMap<>();
        for (Map.Entry<String, Long> entry : after.entrySet()) {
            long was = before.getOrDefault(entry.getKey(), 0L);
            if (was != entry.getValue()) {
                moved.put(entry.getKey(), was + "→" + entry.getValue());
            }
        }
        return moved;
    }

    /**
     * Rows per table of the service's database, in one query over one kept connection; audit
     * records count once whether pending or chained (under {@code audit_record}).
     */
    Map<String, Long> rowCounts() {
        try {
            if (database == null || database.isClosed()) {
                database = DriverManager.getConnection(
                        SuiteInfrastructure.postgres().jdbcUrl("app"), "postgres", "postgres");
                countQuery = null;
            }
            try (Statement s = database.createStatement()) {
                if (countQuery == null) {
                    StringBuilder sql = new StringBuilder();
                    try (ResultSet rs = s.executeQuery("select table_name from information_schema.tables where"
                            + " table_schema = 'public' and table_type = 'BASE TABLE'"
                            + " and table_name <> 'flyway_schema_history'")) {
                        while (rs.next()) {
                            sql.append(sql.length() == 0 ? "" : " union all ")
                                    .append("select '")
                                    .append(rs.getString(1))
                                    .append("', count(*) from \"")
                                    .append(rs.getString(1))
                                    .append('"');
                        }
                    }
                    countQuery = sql.toString();
                }
                Map<String, Long> counts = new TreeMap<>();
                try (ResultSet rs = s.executeQuery(countQuery)) {
                    while (rs.next()) {
                        counts.put(rs.getString(1), rs.getLong(2));
                    }
                }
                // The audit chainer moves earlier requests' records from audit_pending to
                // audit_record in the background; only their sum tells whether a request added one.
                Long pendingAudit = counts.remove("audit_pending");
                if (pendingAudit != null) {
                    counts.merge("audit_record", pendingAudit, Long::sum);
                }
                return counts;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not count rows", e);
        }
    }

    private static Throwable rootCause(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause;
    }

    private static String abbreviate(String text) {
        String flat = text.replaceAll("\\s+", " ");
        return flat.length() > 300 ? flat.substring(0, 300) + "…" : flat;
    }
}
