package cn.gov.lvliang.renewal.subsidy.notices;

import cn.gov.lvliang.renewal.infra.Directories;
import cn.gov.lvliang.renewal.infra.ManagedProcess;
import cn.gov.lvliang.renewal.infra.Ports;
import cn.gov.lvliang.renewal.subsidy.TestServerClasspath;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A real SMTP server for the notification tests: GreenMail standalone in a JVM of its own (its
 * classpath is written by {@code platform/mail-test-server}), any recipient accepted, and what it
 * holds readable through its REST API ({@code GET /api/user/{address}/messages/INBOX}).
 */
public class MailTestServer implements QuarkusTestResourceLifecycleManager {

    /** Config property naming the server's REST API, for the test to read the mailboxes. */
    static final String API_PROPERTY = "notices-test.mail-api";

    private ManagedProcess server;
    private Path home;

    @Override
    public Map<String, String> start() {
        try {
            home = Files.createTempDirectory("mail-test-server");
            int smtp = Ports.freePort();
            int api = Ports.freePort();
            server = ManagedProcess.start(
                    "greenmail",
                    List.of(
                            ManagedProcess.currentJava(),
                            "-Xmx128m",
                            "-Dgreenmail.smtp.hostname=127.0.0.1",
                            "-Dgreenmail.smtp.port=" + smtp,
                            "-Dgreenmail.api.hostname=127.0.0.1",
                            "-Dgreenmail.api.port=" + api,
                            "-Dgreenmail.auth.disabled",
                            "-cp",
                            TestServerClasspath.of("mail-test-server"),
                            "com.icegreen.greenmail.standalone.GreenMailStandaloneRunner"),
                    Map.of(),
                    home,
                    home.resolve("greenmail.log"));
            String apiUrl = "http://127.0.0.1:" + api;
            awaitReady(apiUrl);
            return Map.of(
                    "quarkus.mailer.mock",
                    "false",
                    "quarkus.mailer.host",
                    "127.0.0.1",
                    "quarkus.mailer.port",
                    Integer.toString(smtp),
                    API_PROPERTY,
                    apiUrl);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void awaitReady(String apiUrl) {
        HttpClient http = HttpClient.newHttpClient();
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (Instant.now().isBefore(deadline)) {
            if (!server.isAlive()) {
                throw new IllegalStateException("GreenMail exited; see " + home.resolve("greenmail.log"));
            }
            try {
                HttpResponse<String> ready = http.send(
                        HttpRequest.newBuilder(URI.create(apiUrl + "/api/service/readiness"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
                if (ready.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new IllegalStateException("GreenMail not ready within 60 s");
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop(Duration.ofSeconds(10));
        }
        if (home != null) {
            Directories.deleteRecursively(home);
        }
    }
}
