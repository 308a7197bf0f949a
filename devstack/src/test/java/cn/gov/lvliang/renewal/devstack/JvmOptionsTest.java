package cn.gov.lvliang.renewal.devstack;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class JvmOptionsTest {

    private static final Pattern JAVA_OPTS_APPEND = Pattern.compile("JAVA_OPTS_APPEND=\"([^\"]*)\"");

    @Test
    void extraOptionsAreSplitAtWhiteSpace() {
        assertEquals(
                List.of("-XX:NativeMemoryTracking=summary", "-XX:TieredStopAtLevel=4"),
                DevStack.extraJvmOptions("  -XX:NativeMemoryTracking=summary \t -XX:TieredStopAtLevel=4\n"));
    }

    @Test
    void noExtraOptionsWhenUnsetOrBlank() {
        assertEquals(List.of(), DevStack.extraJvmOptions(null));
        assertEquals(List.of(), DevStack.extraJvmOptions("  "));
    }

    /** The images run what devstack and the benchmark measured (decisions 0053, 0058). */
    @Test
    void everyImageRunsTheLaunchersJvmOptions() throws IOException {
        List<Path> dockerfiles;
        try (Stream<Path> modules = Files.list(Path.of("..").toAbsolutePath().normalize())) {
            dockerfiles = modules.map(module -> module.resolve("src/main/docker/Dockerfile.jvm"))
                    .filter(Files::isRegularFile)
                    .sorted()
                    .toList();
        }
        assertEquals(6, dockerfiles.size(), () -> "Dockerfile.jvm found: " + dockerfiles);
        TreeSet<String> launcher = new TreeSet<>(DevStack.JVM_OPTIONS);
        // devstack leaves it out on a JDK before 17.0.9, which would refuse it; the images always have it
        launcher.add("-XX:TrimNativeHeapInterval=5000");
        for (Path dockerfile : dockerfiles) {
            Matcher m = JAVA_OPTS_APPEND.matcher(Files.readString(dockerfile, StandardCharsets.UTF_8));
            assertEquals(true, m.find(), () -> dockerfile + " sets no JAVA_OPTS_APPEND");
            TreeSet<String> image = new TreeSet<>(Arrays.asList(m.group(1).split("\\s+")));
            image.removeIf(option -> option.startsWith("-D"));
            assertEquals(launcher, image, dockerfile::toString);
        }
    }
}
