package cn.gov.lvliang.renewal.system;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.lvliang.renewal.devstack.App;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.stream.Stream;

/**
 * The log files of a suite started with JSON logs ({@code Options.withJsonLogs}): every line of
 * every application's log, parsed. A line that is not a JSON object fails the test that reads it.
 */
final class AppLogs {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** The line devstack writes before it starts an application ({@code DevStack.launch}). */
    private static final String LAUNCHER_MARK = "==== devstack: ";

    private AppLogs() {}

    /** A parsed log line and the file it came from. */
    record Line(Path file, JsonNode json) {
        String field(String name) {
            JsonNode value = json.path("mdc").path(name);
            return value.isMissingNode() ? json.path(name).asText(null) : value.asText(null);
        }

        String message() {
            return json.path("message").asText("");
        }
    }

    /** Every line of every log of {@code module} (its replicas' logs included), in file order. */
    static List<Line> of(Path logsDirectory, String module) {
        List<Line> lines = new ArrayList<>();
        for (Path file : files(logsDirectory)) {
            if (file.getFileName().toString().startsWith(module)) {
                lines.addAll(parse(file));
            }
        }
        return lines;
    }

    /** Fails naming the file and line when any of {@code secrets} appears in any application log. */
    static void assertNoneContains(Path logsDirectory, Collection<String> secrets) {
        for (Path file : files(logsDirectory)) {
            List<String> text = read(file);
            for (int i = 0; i < text.size(); i++) {
                for (String secret : secrets) {
                    assertThat(text.get(i))
                            .as("personal data in %s line %d", file.getFileName(), i + 1)
                            .doesNotContain(secret);
                }
            }
        }
    }

    /**
     * Every line of every application's log is a JSON object. The logs of the test servers the
     * launcher also runs (GreenMail, the SMS log) are not the applications' and keep their format.
     */
    static void assertEveryLineIsJson(Path logsDirectory) {
        for (Path file : files(logsDirectory)) {
            String name = file.getFileName().toString();
            if (App.WITH_CONSOLE.stream().anyMatch(app -> name.startsWith(app.module()))) {
                parse(file);
            }
        }
    }

    private static List<Line> parse(Path file) {
        List<Line> lines = new ArrayList<>();
        List<String> text = read(file);
        for (int i = 0; i < text.size(); i++) {
            String raw = text.get(i);
            JsonNode json;
            try {
                json = JSON.readTree(raw);
            } catch (IOException e) {
                json = null;
            }
            assertThat(json != null && json.isObject())
                    .as("%s line %d is not a JSON object: %s", file.getFileName(), i + 1, raw)
                    .isTrue();
            lines.add(new Line(file, json));
        }
        return lines;
    }

    private static List<Path> files(Path logsDirectory) {
        try (Stream<Path> files = Files.list(logsDirectory)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".log"))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The application's output: without blank lines and the launcher's own start markers. */
    private static List<String> read(Path file) {
        try {
            return Files.readAllLines(file, StandardCharsets.UTF_8).stream()
                    .filter(line -> !line.isBlank() && !line.startsWith(LAUNCHER_MARK))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
