package cn.gov.lvliang.renewal.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.postgresql.PGConnection;

/**
 * Scenario 5: bulk import of the equipment status list (设备现状清单), as CSV and as XLSX, into
 * equipment-inventory-service ({@code POST /api/equipment/imports?kind=status&mode=ACCEPT_VALID},
 * directly: the gateway's 10 s request timeout is shorter than a 100,000-row import), against
 * PostgreSQL {@code COPY} of the same rows into a copy of the {@code equipment} table. Peak heap
 * is sampled from the service's own metrics ({@code jvm_memory_used_bytes{area="heap"}}) every
 * 100 ms during the import.
 */
final class ImportScenario {

    static final List<String> HEADER = List.of(
            "统一社会信用代码",
            "单位名称",
            "县（市、区）",
            "重点领域",
            "单位类型",
            "资产编号",
            "设备名称",
            "规格型号",
            "设备类别",
            "数量（台套/公里）",
            "投产时间",
            "设计使用年限（年）",
            "能效等级",
            "能效水平",
            "环保绩效等级",
            "原值（元）",
            "所在位置");

    private static final String COPY_COLUMNS = "unit_id, unit_credit_code, county, sector_code, asset_tag, name, model,"
            + " category, quantity, commissioned_on, design_life_years, efficiency_grade, efficiency_tier,"
            + " emission_grade, original_value_fen, location, created_at, updated_at";

    private ImportScenario() {}

    /** One generated equipment row, as the file carries it. */
    record Row(
            String unit,
            int unitIndex,
            String county,
            String sector,
            String assetTag,
            String name,
            String model,
            String category,
            String commissioned,
            int designLife,
            int grade,
            String tier,
            String emission,
            String value,
            String location) {

        static Row of(List<String> units, String tagPrefix, int i) {
            int u = i % units.size();
            return new Row(
                    units.get(u),
                    u,
                    i % 2 == 0 ? "141181" : "汾阳市",
                    i % 3 == 0 ? "焦化" : "coal",
                    tagPrefix + i,
                    "设备" + i,
                    "M-" + (i % 97),
                    i % 5 == 0 ? "电力设备" : "用能设备",
                    (2000 + i % 25) + "-0" + (1 + i % 9) + "-15",
                    10 + i % 20,
                    1 + i % 3,
                    i % 4 == 0 ? "节能水平" : "准入水平",
                    "ABCD".substring(i % 4, i % 4 + 1),
                    (10000 + i) + ".50",
                    "吕梁市某地" + i);
        }

        List<String> cells() {
            return List.of(
                    unit,
                    "吕梁压测单位" + unitIndex,
                    county,
                    sector,
                    "企业",
                    assetTag,
                    name,
                    model,
                    category,
                    "1",
                    commissioned,
                    String.valueOf(designLife),
                    String.valueOf(grade),
                    tier,
                    emission,
                    value,
                    location);
        }

        /** The same row as the equipment table stores it (codes, fen), for COPY. */
        String copyLine() {
            return String.join(
                    ",",
                    String.valueOf(unitIndex + 1),
                    unit,
                    county.equals("汾阳市") ? "141182" : county,
                    sector.equals("焦化") ? "coking" : sector,
                    assetTag,
                    name,
                    model,
                    category.equals("电力设备") ? "POWER" : "ENERGY_USING",
                    "1",
                    commissioned,
                    String.valueOf(designLife),
                    String.valueOf(grade),
                    tier.equals("节能水平") ? "SAVING" : "ENTRY",
                    emission,
                    value.replace(".", ""),
                    location,
                    "now",
                    "now");
        }
    }

    static void run(Bench bench) {
        int rows = bench.profile().importRows();
        Path work = bench.workDirectory();
        String admin = bench.http().token(Map.of("role", "city-admin"));
        String run = Long.toString(System.currentTimeMillis() % 1_000_000L, 36).toUpperCase();
        Report report = bench.report();
        try {
            Path csv = work.resolve("status-" + rows + ".csv");
            Path xlsx = work.resolve("status-" + rows + ".xlsx");
            Path copy = work.resolve("equipment-copy-" + rows + ".csv");
            List<String> csvUnits = units(1000, 0);
            List<String> xlsxUnits = units(1000, 1000);
            writeCsv(csv, csvUnits, "C" + run + "-", rows);
            writeXlsx(xlsx, xlsxUnits, "X" + run + "-", rows);
            writeCopy(copy, units(1000, 2000), "P" + run + "-", rows);

            warmUp(bench, admin, work, run, Math.max(1, rows / 10));
            importFile(bench, admin, csv, "csv", "text/csv", rows, report);
            importFile(
                    bench,
                    admin,
                    xlsx,
                    "xlsx",
                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                    rows,
                    report);
            double copySeconds = copy(bench, copy);
            report.put(
                    "import.copy.wall_s",
                    copySeconds,
                    "s",
                    "PostgreSQL COPY of the same rows into a copy of the" + " equipment table (indexes included)");
            report.put(
                    "import.ratio.xlsx_over_copy",
                    report.require("import.xlsx.wall_s") / copySeconds,
                    "ratio",
                    "XLSX import time / COPY time");
            report.put(
                    "import.ratio.csv_over_copy",
                    report.require("import.csv.wall_s") / copySeconds,
                    "ratio",
                    "CSV import time / COPY time");
            report.put("import.rows", rows, "rows", "data rows per file");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Imports a small CSV and a small XLSX first, not measured, and waits for their events: the CSV
     * import ran first on a cold service (code not yet compiled, first statements of the import) and
     * paid that alone, which made CSV look slower than XLSX (17.4× against 9.9× COPY, decision 0054).
     */
    private static void warmUp(Bench bench, String token, Path work, String run, int rows) throws IOException {
        Path csv = work.resolve("warm-up-" + rows + ".csv");
        Path xlsx = work.resolve("warm-up-" + rows + ".xlsx");
        writeCsv(csv, units(100, 3000), "WC" + run + "-", rows);
        writeXlsx(xlsx, units(100, 3100), "WX" + run + "-", rows);
        String equipment = bench.suite().serviceUrl("equipment-inventory-service");
        for (Path file : List.of(csv, xlsx)) {
            String type = file.toString().endsWith(".csv")
                    ? "text/csv"
                    : "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
            HttpResponse<String> response = bench.http()
                    .send(Http.multipartFile(
                            equipment + "/api/equipment/imports?kind=status&mode=ACCEPT_VALID",
                            token,
                            Map.of(),
                            file,
                            type,
                            Duration.ofMinutes(10)));
            Http.expect(response, 200, "warm-up import " + file.getFileName());
        }
        drainOutbox(bench);
        awaitConsumers(bench);
    }

    static List<String> units(int count, int offset) {
        long base = Math.abs(UUID.randomUUID().getLeastSignificantBits() % 1_000_000_000L) * 10_000;
        return java.util.stream.IntStream.range(0, count)
                .mapToObj(i -> Bodies.creditCode(base + offset + i))
                .toList();
    }

    private static void writeCsv(Path file, List<String> units, String tags, int rows) throws IOException {
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write(String.join(",", HEADER));
            w.write('\n');
            for (int i = 0; i < rows; i++) {
                w.write(String.join(",", Row.of(units, tags, i).cells()));
                w.write('\n');
            }
        }
    }

    private static void writeXlsx(Path file, List<String> units, String tags, int rows) throws IOException {
        try (OutputStream out = Files.newOutputStream(file)) {
            Workbook wb = new Workbook(out, "bench", "1.0");
            Worksheet ws = wb.newWorksheet("设备现状清单");
            for (int c = 0; c < HEADER.size(); c++) {
                ws.value(0, c, HEADER.get(c));
            }
            for (int i = 0; i < rows; i++) {
                List<String> cells = Row.of(units, tags, i).cells();
                for (int c = 0; c < cells.size(); c++) {
                    ws.value(i + 1, c, cells.get(c));
                }
                if (i % 1000 == 0) {
                    ws.flush();
                }
            }
            wb.finish();
        }
    }

    private static void writeCopy(Path file, List<String> units, String tags, int rows) throws IOException {
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            for (int i = 0; i < rows; i++) {
                w.write(Row.of(units, tags, i).copyLine());
                w.write('\n');
            }
        }
    }

    private static void importFile(
            Bench bench, String token, Path file, String format, String contentType, int rows, Report report) {
        String equipment = bench.suite().serviceUrl("equipment-inventory-service");
        HttpRequest request = Http.multipartFile(
                equipment + "/api/equipment/imports?kind=status&mode=ACCEPT_VALID",
                token,
                Map.of(),
                file,
                contentType,
                Duration.ofMinutes(10));
        HeapSampler heap = new HeapSampler(bench.http(), equipment + "/q/metrics");
        heap.start();
        Instant start = Instant.now();
        HttpResponse<String> response = bench.http().send(request);
        double seconds = Duration.between(start, Instant.now()).toNanos() / 1e9;
        long peak = heap.stop();
        JsonNode answer;
        try {
            answer = Http.expect(response, 200, "import " + format);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        int accepted = answer.path("accepted").asInt();
        if (accepted != rows) {
            report.note("import " + format + ": " + accepted + " of " + rows + " rows accepted, "
                    + answer.path("errorCount").asText() + " errors");
        }
        String prefix = "import." + format + ".";
        report.put(prefix + "wall_s", seconds, "s", format.toUpperCase() + " upload to report, " + rows + " rows");
        report.put(
                prefix + "rows_per_s", accepted / seconds, "rows/s", format.toUpperCase() + " rows saved per second");
        report.put(
                prefix + "peak_heap_mb",
                peak / 1048576.0,
                "MiB",
                "highest heap in use in equipment-inventory-service during the import (sampled every 100 ms)");
        report.put(prefix + "heap_max_mb", heap.maxBytes() / 1048576.0, "MiB", "the service's maximum heap");
        report.put(prefix + "file_mb", size(file) / 1048576.0, "MiB", "file size");
        report.put(
                prefix + "outbox_drain_s",
                drainOutbox(bench),
                "s",
                "time after the import until the relay had published every event it wrote");
        report.put(
                prefix + "downstream_drain_s",
                awaitConsumers(bench),
                "s",
                "time after that until tasks-service and recycling-service had applied those events (their"
                        + " inboxes stopped growing), so that the next measurement does not compete with them");
    }

    /**
     * Waits until the consumers of {@code equipment.events} (tasks-service's indicators and
     * recycling-service's disposals) have applied what the import announced: their inbox tables
     * have not grown for 2 s. Without this wait the next import (or COPY) ran while they were still
     * writing 100,000 inbox rows and projections to the same database server.
     */
    private static double awaitConsumers(Bench bench) {
        Instant start = Instant.now();
        Instant deadline = start.plus(Duration.ofMinutes(5));
        long previous = -1;
        Instant unchangedSince = start;
        while (Instant.now().isBefore(deadline)) {
            long total = inboxRows(bench, "tasks") + inboxRows(bench, "recycling");
            if (total != previous) {
                previous = total;
                unchangedSince = Instant.now();
            } else if (Duration.between(unchangedSince, Instant.now()).toMillis() >= 2000) {
                return Duration.between(start, unchangedSince).toMillis() / 1000.0;
            }
            ChildJvm.sleep(500);
        }
        bench.report().note("the consumers of equipment.events were still busy 5 minutes after an import");
        return Double.NaN;
    }

    private static long inboxRows(Bench bench, String database) {
        try (Connection c = DriverManager.getConnection(
                        bench.suite().postgres().jdbcUrl(database), "postgres", "postgres");
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("select count(*) from inbox_event")) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the " + database + " inbox", e);
        }
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            return -1;
        }
    }

    /** Waits until equipment-inventory-service's outbox has no unsent rows, so that imports do not overlap. */
    private static double drainOutbox(Bench bench) {
        Instant start = Instant.now();
        Instant deadline = start.plus(Duration.ofMinutes(5));
        try (Connection c = DriverManager.getConnection(
                        bench.suite().postgres().jdbcUrl("equipment"), "postgres", "postgres");
                Statement s = c.createStatement()) {
            while (Instant.now().isBefore(deadline)) {
                try (ResultSet rs = s.executeQuery("select count(*) from outbox_event where sent_at is null")) {
                    rs.next();
                    if (rs.getLong(1) == 0) {
                        return Duration.between(start, Instant.now()).toMillis() / 1000.0;
                    }
                }
                ChildJvm.sleep(250);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the equipment outbox", e);
        }
        bench.report().note("equipment outbox was not drained within 5 minutes of an import");
        return Double.NaN;
    }

    private static double copy(Bench bench, Path rows) {
        try (Connection c = DriverManager.getConnection(
                        bench.suite().postgres().jdbcUrl("equipment"), "postgres", "postgres");
                Statement s = c.createStatement()) {
            s.execute("create schema if not exists bench");
            s.execute("drop table if exists bench.equipment");
            s.execute("create table bench.equipment (like public.equipment including all)");
            Instant start = Instant.now();
            try (Reader reader = Files.newBufferedReader(rows, StandardCharsets.UTF_8)) {
                c.unwrap(PGConnection.class)
                        .getCopyAPI()
                        .copyIn("copy bench.equipment (" + COPY_COLUMNS + ") from stdin with (format csv)", reader);
            }
            return Duration.between(start, Instant.now()).toNanos() / 1e9;
        } catch (SQLException e) {
            throw new IllegalStateException("COPY failed", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Polls the service's Prometheus metrics for heap in use, keeping the highest value. */
    static final class HeapSampler {
        private final Http http;
        private final String url;
        private final AtomicLong peak = new AtomicLong();
        private final AtomicLong max = new AtomicLong();
        private Thread thread;

        HeapSampler(Http http, String url) {
            this.http = http;
            this.url = url;
        }

        void start() {
            sample();
            thread = new Thread(
                    () -> {
                        while (!Thread.currentThread().isInterrupted()) {
                            sample();
                            try {
                                Thread.sleep(100);
                            } catch (InterruptedException e) {
                                return;
                            }
                        }
                    },
                    "heap-sampler");
            thread.setDaemon(true);
            thread.start();
        }

        long stop() {
            thread.interrupt();
            try {
                thread.join(2000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            sample();
            return peak.get();
        }

        long maxBytes() {
            return max.get();
        }

        private void sample() {
            try {
                String metrics = http.get(url);
                peak.accumulateAndGet(sum(metrics, "jvm_memory_used_bytes{"), Math::max);
                max.set(sum(metrics, "jvm_memory_max_bytes{"));
            } catch (RuntimeException e) {
                // a missed sample; the next one counts
            }
        }

        static long sum(String metrics, String name) {
            double total = 0;
            for (String line : metrics.split("\n")) {
                if (line.startsWith(name) && line.contains("area=\"heap\"")) {
                    double value = Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
                    if (value > 0) {
                        total += value;
                    }
                }
            }
            return (long) total;
        }
    }
}
