package cn.gov.lvliang.renewal.recycling.web;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.lvliang.renewal.recycling.Fixtures;
import cn.gov.lvliang.renewal.testing.TestIdentifiers;
import cn.gov.lvliang.renewal.testing.TestTokens;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * A body over this service's limit ({@code quarkus.http.limits.max-body-size}, Quarkus's default
 * 10 MiB here) is answered 413 {@code application/problem+json} naming the limit, whether the
 * client declares its length or sends it chunked; a chunked body within the limit still arrives
 * whole (the platform's {@code BodyLimit} reads it and hands it to the resource). Real HTTP
 * requests over a socket, not RestAssured's in-process shortcuts.
 */
@QuarkusTest
class BodyLimitTest {

    private static final String PATH = "/api/recycling/enterprises";
    private static final ObjectMapper JSON = new ObjectMapper();

    @TestHTTPResource
    URI root;

    private final HttpClient client =
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    private static byte[] oversize() {
        // a JSON object of 11 MiB, so that the only thing wrong with it is its size
        return ("{\"name\":\"" + "x".repeat(11 << 20) + "\"}").getBytes(StandardCharsets.UTF_8);
    }

    private HttpRequest.Builder post() {
        return HttpRequest.newBuilder(root.resolve(PATH))
                .header("Authorization", TestTokens.bearer(TestTokens.cityAdmin()))
                .header("Content-Type", "application/json")
                .header("Accept-Language", "en")
                .header("X-Request-Id", "body-limit-test")
                .timeout(Duration.ofSeconds(60));
    }

    private static void assertTooLarge(HttpResponse<String> response) throws Exception {
        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        JsonNode problem = JSON.readTree(response.body());
        assertThat(problem.path("type").asText()).isEqualTo("urn:lvliang:renewal:problem:payload-too-large");
        assertThat(problem.path("title").asText()).isEqualTo("Payload too large");
        assertThat(problem.path("status").asInt()).isEqualTo(413);
        assertThat(problem.path("detail").asText()).contains("10 MiB").contains("10,485,760 bytes");
        assertThat(problem.path("instance").asText()).isEqualTo(PATH);
        assertThat(problem.path("requestId").asText()).isEqualTo("body-limit-test");
        assertThat(response.headers().firstValue("X-Request-Id")).hasValue("body-limit-test");
    }

    @Test
    void aDeclaredLengthOverTheLimitGets413ProblemJsonNamingTheLimit() throws Exception {
        HttpResponse<String> response = client.send(
                post().POST(HttpRequest.BodyPublishers.ofByteArray(oversize())).build(),
                HttpResponse.BodyHandlers.ofString());
        assertTooLarge(response);
    }

    @Test
    void aChunkedBodyThatGrowsOverTheLimitGets413ProblemJson() throws Exception {
        byte[] body = oversize();
        // ofInputStream has no length: the JDK client sends Transfer-Encoding: chunked
        HttpResponse<String> response = client.send(
                post().POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body)))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertTooLarge(response);
    }

    @Test
    void aClientWaitingFor100ContinueGets413ProblemJsonWithoutSendingItsBody() throws Exception {
        // JDK 17's HttpClient waits forever when the answer to "Expect: 100-continue" is final, so
        // this client is a socket: it sends the head only and reads the answer.
        try (Socket socket = new Socket(root.getHost(), root.getPort())) {
            socket.setSoTimeout(30_000);
            String head = "POST " + PATH + " HTTP/1.1\r\n"
                    + "Host: " + root.getHost() + ":" + root.getPort() + "\r\n"
                    + "Authorization: " + TestTokens.bearer(TestTokens.cityAdmin()) + "\r\n"
                    + "Content-Type: application/json\r\n"
                    + "Accept-Language: en\r\n"
                    + "X-Request-Id: body-limit-test\r\n"
                    + "Expect: 100-continue\r\n"
                    + "Content-Length: " + (11 << 20) + "\r\n\r\n";
            socket.getOutputStream().write(head.getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            // the answer, then the connection closed (the body was never sent)
            String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            String[] parts = answer.split("\r\n\r\n", 2);
            assertThat(parts[0])
                    .startsWith("HTTP/1.1 413")
                    .containsIgnoringCase("content-type: application/problem+json");
            JsonNode problem = JSON.readTree(parts[1]);
            assertThat(problem.path("status").asInt()).isEqualTo(413);
            assertThat(problem.path("type").asText()).isEqualTo("urn:lvliang:renewal:problem:payload-too-large");
            assertThat(problem.path("detail").asText()).contains("10 MiB");
        }
    }

    @Test
    void aChunkedBodyAfter100ContinueGets413ProblemJsonAndTheRestIsDrained() throws Exception {
        try (Socket socket = new Socket(root.getHost(), root.getPort())) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            InputStream in = socket.getInputStream();
            out.write(("POST " + PATH + " HTTP/1.1\r\n"
                            + "Host: " + root.getHost() + ":" + root.getPort() + "\r\n"
                            + "Authorization: " + TestTokens.bearer(TestTokens.cityAdmin()) + "\r\n"
                            + "Content-Type: application/json\r\n"
                            + "Accept-Language: en\r\n"
                            + "Expect: 100-continue\r\n"
                            + "Transfer-Encoding: chunked\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            assertThat(head(in)).startsWith("HTTP/1.1 100");
            byte[] chunk = new byte[1 << 20];
            java.util.Arrays.fill(chunk, (byte) 'x');
            for (int i = 0; i < 11; i++) {
                out.write((Integer.toHexString(chunk.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
                out.write(chunk);
                out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
            }
            out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            String head = head(in);
            assertThat(head).startsWith("HTTP/1.1 413").containsIgnoringCase("content-type: application/problem+json");
            java.util.regex.Matcher length = java.util.regex.Pattern.compile("(?i)content-length: (\\d+)")
                    .matcher(head);
            assertThat(length.find()).isTrue();
            JsonNode problem = JSON.readTree(in.readNBytes(Integer.parseInt(length.group(1))));
            assertThat(problem.path("status").asInt()).isEqualTo(413);
            assertThat(problem.path("detail").asText()).contains("10 MiB");
        }
    }

    /** Reads a response head, up to the empty line. */
    private static String head(InputStream in) throws java.io.IOException {
        StringBuilder head = new StringBuilder();
        while (!head.toString().endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                throw new java.io.EOFException("connection closed after: " + head);
            }
            head.append((char) b);
        }
        return head.toString();
    }

    @Test
    void aChunkedBodyWithinTheLimitIsReadWholeAndStored() throws Exception {
        String creditCode = TestIdentifiers.creditCode();
        byte[] body = JSON.writeValueAsBytes(Fixtures.enterprise(
                creditCode,
                "DISMANTLER",
                "141102",
                Fixtures.today().minusYears(1),
                Fixtures.today().plusYears(1),
                "VALID"));
        HttpResponse<String> created = client.send(
                post().POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body)))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);

        HttpResponse<String> read = client.send(
                HttpRequest.newBuilder(root.resolve(PATH + "/" + creditCode))
                        .header("Authorization", TestTokens.bearer(TestTokens.cityAdmin()))
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(read.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(read.body()).path("creditCode").asText()).isEqualTo(creditCode);
    }

    @Test
    void theConnectionStaysUsableAfterARefusedBody() throws Exception {
        assertTooLarge(client.send(
                post().POST(HttpRequest.BodyPublishers.ofByteArray(oversize())).build(),
                HttpResponse.BodyHandlers.ofString()));
        HttpResponse<String> next = client.send(
                HttpRequest.newBuilder(root.resolve(PATH))
                        .header("Authorization", TestTokens.bearer(TestTokens.cityAdmin()))
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(next.statusCode()).isEqualTo(200);
    }
}
