package cn.gov.lvliang.renewal.subsidy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The classpath of a test server that runs in its own JVM (S3Proxy, GreenMail), as written by its
 * {@code platform/<module>} (built by {@code -am}), found from the working directory upwards.
 */
public final class TestServerClasspath {

    private TestServerClasspath() {}

    /** @param module the platform module, e.g. {@code mail-test-server} */
    public static String of(String module) throws IOException {
        Path file = Path.of("platform", module, "target", module + ".classpath");
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve(file);
            if (Files.isRegularFile(candidate)) {
                return Files.readString(candidate, StandardCharsets.UTF_8).trim();
            }
        }
        throw new IllegalStateException(
                module + " classpath not found. Build it first: ./mvnw -pl platform/" + module + " generate-resources");
    }
}
