package cn.gov.lvliang.renewal.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Every figure of one run, by a stable key such as {@code claims.gateway.c32.p99_ms}, with the
 * machine facts, the targets (met / not met) and notes; written as JSON and Markdown.
 */
public final class Report {

    /** One measured value. */
    public record Figure(String key, double value, String unit, String what) {}

    /** One target of the issue, evaluated. */
    public record Target(String target, String measured, boolean met) {}

    private final String mode;
    private final Instant started = Instant.now();
    private final Map<String, String> machine;
    private final Map<String, Figure> figures = new LinkedHashMap<>();
    private final List<Target> targets = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();
    private final Map<String, String> sections = new LinkedHashMap<>();
    private final Map<String, String> attachments = new LinkedHashMap<>();

    public Report(String mode, Map<String, String> machine) {
        this.mode = mode;
        this.machine = new LinkedHashMap<>(machine);
    }

    public synchronized void put(String key, double value, String unit, String what) {
        figures.put(key, new Figure(key, value, unit, what));
    }

    public synchronized Optional<Double> value(String key) {
        return Optional.ofNullable(figures.get(key)).map(Figure::value);
    }

    public synchronized double require(String key) {
        return value(key).orElse(Double.NaN);
    }

    public synchronized void target(String target, String measured, boolean met) {
        targets.add(new Target(target, measured, met));
    }

    public synchronized void note(String note) {
        notes.add(note);
    }

    /** A Markdown section of its own (a table, say), placed after the targets. */
    public synchronized void section(String title, String markdown) {
        sections.put(title, markdown);
    }

    /**
     * A file written next to the report as {@code bench-<mode>-<time>-<suffix>} and {@code
     * latest-<mode>-<suffix>} (a chart, say).
     */
    public synchronized void attach(String suffix, String content) {
        attachments.put(suffix, content);
    }

    public synchronized List<Target> targets() {
        return List.copyOf(targets);
    }

    /** Writes {@code bench-<mode>-<time>.json/.md} and copies them to {@code latest-<mode>.json/.md}. */
    public synchronized List<Path> write(Path directory) {
        String stamp = started.toString().replace(":", "").replaceAll("\\.\\d+", "");
        try {
            Files.createDirectories(directory);
            Path json = directory.resolve("bench-" + mode + "-" + stamp + ".json");
            Path markdown = directory.resolve("bench-" + mode + "-" + stamp + ".md");
            Files.writeString(json, json(), StandardCharsets.UTF_8);
            Files.writeString(markdown, markdown(), StandardCharsets.UTF_8);
            Files.copy(json, directory.resolve("latest-" + mode + ".json"), StandardCopyOption.REPLACE_EXISTING);
            Files.copy(markdown, directory.resolve("latest-" + mode + ".md"), StandardCopyOption.REPLACE_EXISTING);
            List<Path> written = new ArrayList<>(List.of(json, markdown));
            for (Map.Entry<String, String> a : attachments.entrySet()) {
                Path file = directory.resolve("bench-" + mode + "-" + stamp + "-" + a.getKey());
                Files.writeString(file, a.getValue(), StandardCharsets.UTF_8);
                Files.copy(
                        file,
                        directory.resolve("latest-" + mode + "-" + a.getKey()),
                        StandardCopyOption.REPLACE_EXISTING);
                written.add(file);
            }
            return written;
        } catch (IOException e) {
            throw new UncheckedIOException("could not write the report to " + directory, e);
        }
    }

    String json() {
        ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode root = mapper.createObjectNode();
        root.put("mode", mode);
        root.put("startedAt", started.toString());
        root.put("finishedAt", Instant.now().toString());
        ObjectNode machineNode = root.putObject("machine");
        machine.forEach(machineNode::put);
        ObjectNode figuresNode = root.putObject("figures");
        for (Figure f : figures.values()) {
            ObjectNode node = figuresNode.putObject(f.key());
            if (Double.isFinite(f.value())) {
                node.put("value", f.value());
            } else {
                node.putNull("value");
            }
            node.put("unit", f.unit());
            node.put("what", f.what());
        }
        ArrayNode targetsNode = root.putArray("targets");
        for (Target t : targets) {
            targetsNode
                    .addObject()
                    .put("target", t.target())
                    .put("measured", t.measured())
                    .put("met", t.met());
        }
        ArrayNode notesNode = root.putArray("notes");
        notes.forEach(notesNode::add);
        try {
            return mapper.writeValueAsString(root) + "\n";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String markdown() {
        StringBuilder md = new StringBuilder();
        md.append("# Benchmark report (").append(mode).append(")\n\n");
        md.append("Started ")
                .append(started)
                .append(", finished ")
                .append(Instant.now())
                .append(".\n\n");
        md.append("Every ratio compares two figures measured on the same machine in the same run. The machine")
                .append(" may be shared with other work, so absolute figures are noisy; the load average below")
                .append(" was taken at the start.\n\n");
        md.append("## Machine\n\n| fact | value |\n|---|---|\n");
        machine.forEach(
                (k, v) -> md.append("| ").append(k).append(" | ").append(v).append(" |\n"));
        md.append("\n## Targets\n\n| target | measured | met |\n|---|---|---|\n");
        for (Target t : targets) {
            md.append("| ")
                    .append(t.target())
                    .append(" | ")
                    .append(t.measured())
                    .append(" | ")
                    .append(t.met() ? "met" : "**not met**")
                    .append(" |\n");
        }
        sections.forEach(
                (title, text) -> md.append("\n## ").append(title).append("\n\n").append(text));
        String section = null;
        for (Figure f : figures.values()) {
            String head = f.key().substring(0, f.key().indexOf('.'));
            if (!head.equals(section)) {
                section = head;
                md.append("\n## ").append(section).append("\n\n| figure | value | unit | what |\n|---|---|---|---|\n");
            }
            md.append("| `")
                    .append(f.key())
                    .append("` | ")
                    .append(format(f.value()))
                    .append(" | ")
                    .append(f.unit())
                    .append(" | ")
                    .append(f.what())
                    .append(" |\n");
        }
        if (!notes.isEmpty()) {
            md.append("\n## Notes\n\n");
            notes.forEach(n -> md.append("- ").append(n).append('\n'));
        }
        return md.toString();
    }

    static String format(double value) {
        if (!Double.isFinite(value)) {
            return "n/a";
        }
        if (value == Math.rint(value) && Math.abs(value) < 1e12) {
            return String.valueOf((long) value);
        }
        return String.format(Locale.ROOT, Math.abs(value) >= 100 ? "%.1f" : "%.3f", value);
    }
}
