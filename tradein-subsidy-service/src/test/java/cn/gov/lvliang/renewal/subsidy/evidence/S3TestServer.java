package cn.gov.lvliang.renewal.subsidy.evidence;

import cn.gov.lvliang.renewal.infra.Directories;
import cn.gov.lvliang.renewal.infra.ManagedProcess;
import cn.gov.lvliang.renewal.infra.Ports;
import cn.gov.lvliang.renewal.subsidy.TestServerClasspath;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.junit.QuarkusTestProfile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A real S3-protocol server for the tests of the S3 evidence store: S3Proxy (org.gaul:s3proxy) on a
 * local directory, in a JVM of its own (its classpath is written by {@code platform/s3-test-server}
 * and never meets the application's), with S3 signatures checked against a test key.
 */
public class S3TestServer implements QuarkusTestResourceLifecycleManager {

    static final String ACCESS_KEY = "evidence-test";
    static final String SECRET_KEY = "evidence-test-secret-key";
    /** Config property that tells the test where the server keeps its objects. */
    static final String DIRECTORY_PROPERTY = "evidence-test.s3-directory";

    private ManagedProcess server;
    private Path home;

    /** The test profile that puts the service on this server. */
    public static class Profile implements QuarkusTestProfile {
        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(S3TestServer.class));
        }
    }

    @Override
    public Map<String, String> start() {
        try {
            home = Files.createTempDirectory("s3-test-server");
            Path data = Files.createDirectories(home.resolve("data"));
            int port = Ports.freePort();
            Path conf = home.resolve("s3proxy.conf");
            Files.writeString(
                    conf,
                    String.join(
                            "\n",
                            "s3proxy.endpoint=http://127.0.0.1:" + port,
                            "s3proxy.authorization=aws-v2-or-v4",
                            "s3proxy.identity=" + ACCESS_KEY,
                            "s3proxy.credential=" + SECRET_KEY,
                            "jclouds.provider=filesystem",
                            "jclouds.filesystem.basedir=" + data,
                            ""),
                    StandardCharsets.UTF_8);
            server = ManagedProcess.start(
                    "s3proxy",
                    List.of(
                            ManagedProcess.currentJava(),
                            "-Xmx256m",
                            "-DLOG_LEVEL=warn",
                            "-cp",
                            TestServerClasspath.of("s3-test-server"),
                            "org.gaul.s3proxy.Main",
                            "--properties",
                            conf.toString()),
                    Map.of(),
                    home,
                    home.resolve("s3proxy.log"));
            awaitPort(port);
            return Map.of(
                    "suite.evidence.store",
                    "s3",
                    "suite.evidence.s3.endpoint",
                    "http://127.0.0.1:" + port,
                    "suite.evidence.s3.access-key",
                    ACCESS_KEY,
                    "suite.evidence.s3.secret-key",
                    SECRET_KEY,
                    "suite.evidence.s3.bucket",
                    "subsidy-evidence-test",
                    DIRECTORY_PROPERTY,
                    data.toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void awaitPort(int port) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (Instant.now().isBefore(deadline)) {
            if (!server.isAlive()) {
                throw new IllegalStateException("S3Proxy exited; see " + home.resolve("s3proxy.log"));
            }
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return;
            } catch (IOException notYet) {
                try {
                    Thread.sleep(100);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(e);
                }
            }
        }
        throw new IllegalStateException("S3Proxy not listening on " + port + " within 60 s");
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
