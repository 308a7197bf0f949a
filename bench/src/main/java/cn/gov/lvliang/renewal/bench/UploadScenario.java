package cn.gov.lvliang.renewal.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Scenario 6 (issue 18): concurrent evidence uploads (申请材料) through the gateway. {@value #COUNT}
 * clients each upload one {@value #MIB} MiB PDF (a valid header, then distinct random bytes, so that
 * type detection accepts it and no two files share content) to {@code POST
 * /api/subsidies/claims/{id}/evidence} of a claim of their own, all released at once. Measured: the
 * upload throughput (bytes sent / wall time from the release to the last answer) against a plain
 * copy of the same files on the same disk (each copy forced to the device, one after the other),
 * and tradein-subsidy-service's peak heap, sampled from its metrics ({@code
 * jvm_memory_used_bytes{area="heap"}}) every 100 ms. The smoke profile uploads 2 files of 1 MiB.
 */
final class UploadScenario {

    static final int COUNT = 20;
    static final int MIB = 10;
    private static final String COUNTY = "141102";

    private UploadScenario() {}

    static void run(Bench bench) {
        boolean smoke = bench.profile().name().equals("smoke");
        int count = smoke ? 2 : COUNT;
        int mib = smoke ? 1 : MIB;
        Report report = bench.report();
        String gateway = bench.http().gatewayUrl();
        String subsidy = bench.suite().serviceUrl("tradein-subsidy-service");
        // The load client, whose gateway rate limit (local profile) is far above what it offers.
        String token = bench.http()
                .token(Map.of("role", "county-officer", "county", COUNTY, "subject", ClaimScenario.LOAD_CLIENT));
        try {
            Path dir = Files.createDirectories(bench.workDirectory().resolve("uploads"));
            List<Path> files = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                files.add(writePdf(dir.resolve("evidence-" + i + ".pdf"), mib, i));
            }
            double copySeconds = copy(files, Files.createDirectories(dir.resolve("copies")));
            double mibTotal = 0;
            for (Path f : files) {
                mibTotal += Files.size(f) / 1048576.0;
            }
            report.put("upload.files", count, "files", "concurrent uploads per round");
            report.put("upload.file_mib", mib, "MiB", "size of each evidence file (PDF header, distinct bytes)");
            report.put(
                    "upload.copy_mib_s",
                    mibTotal / copySeconds,
                    "MiB/s",
                    "plain copy of the same files on the same disk, one after the other, each forced to the device");
            // Through the gateway (what issue 18 asks), then directly: the difference is the gateway's.
            round(bench, "gateway", gateway, subsidy, token, files, mibTotal / copySeconds);
            // New bytes for the second round: the store keeps one object per content.
            List<Path> direct = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                direct.add(writePdf(dir.resolve("evidence-direct-" + i + ".pdf"), mib, count + i));
            }
            round(bench, "direct", subsidy, subsidy, token, direct, mibTotal / copySeconds);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One round: a claim per file, then every file uploaded at once to {@code base}. */
    private static void round(
            Bench bench, String target, String base, String subsidy, String token, List<Path> files, double copyMibS)
            throws IOException {
        Report report = bench.report();
        List<String> claims = fileClaims(bench, bench.http().gatewayUrl(), token, files.size(), target);
        ImportScenario.HeapSampler heap = new ImportScenario.HeapSampler(bench.http(), subsidy + "/q/metrics");
        heap.start();
        Map<Integer, Integer> statuses = new TreeMap<>();
        List<Integer> answered = new ArrayList<>();
        double seconds = upload(bench, base, token, claims, files, statuses, answered);
        long peak = heap.stop();
        double stored = 0;
        for (int i = 0; i < files.size(); i++) {
            if (answered.get(i) == 200 || answered.get(i) == 201) {
                stored += Files.size(files.get(i)) / 1048576.0;
            }
        }
        int failures = (int) answered.stream().filter(c -> c != 200 && c != 201).count();
        String prefix = "upload." + target + ".";
        String what = files.size() + " concurrent uploads "
                + (target.equals("gateway") ? "through the gateway" : "directly to the service");
        if (failures > 0) {
            report.note("uploads " + target + ": statuses " + statuses);
        }
        report.put(
                prefix + "failures", failures, "uploads", "uploads not answered 201/200, " + what + " (should be 0)");
        report.put(prefix + "wall_s", seconds, "s", "from the release of the " + what + " to the last answer");
        report.put(
                prefix + "throughput_mib_s",
                stored / seconds,
                "MiB/s",
                "file bytes stored (201/200) per second, " + what);
        report.put(
                prefix + "ratio_over_copy",
                stored / seconds / copyMibS,
                "ratio",
                "upload throughput / plain copy throughput, " + what + " (1 = as fast as copying the files)");
        report.put(
                prefix + "peak_heap_mb",
                peak / 1048576.0,
                "MiB",
                "highest heap in use in tradein-subsidy-service, " + what + " (sampled every 100 ms)");
        report.put(prefix + "heap_max_mb", heap.maxBytes() / 1048576.0, "MiB", "the subsidy service's maximum heap");
    }

    /** A PDF as type detection sees one: the header, then {@code mib} MiB of bytes of its own, then the trailer. */
    static Path writePdf(Path file, int mib, long seed) throws IOException {
        byte[] head = ("%PDF-1.7\n%\u00e2\u00e3\u00cf\u00d3\n% bench evidence " + seed + "\n")
                .getBytes(StandardCharsets.ISO_8859_1);
        byte[] tail = "\n%%EOF\n".getBytes(StandardCharsets.ISO_8859_1);
        long body = mib * 1048576L - head.length - tail.length;
        SplittableRandom random = new SplittableRandom(seed * 7919 + System.nanoTime());
        byte[] block = new byte[64 * 1024];
        try (OutputStream out = Files.newOutputStream(file)) {
            out.write(head);
            for (long written = 0; written < body; ) {
                random.nextBytes(block);
                int n = (int) Math.min(block.length, body - written);
                out.write(block, 0, n);
                written += n;
            }
            out.write(tail);
        }
        return file;
    }

    /** Files one home-appliance claim per upload, as the county clerk who then uploads its evidence. */
    private static List<String> fileClaims(Bench bench, String gateway, String token, int count, String target)
            throws IOException {
        Bodies bodies = new Bodies(Bodies.creditCode(0));
        // Identifiers of their own: a block no other scenario uses, a part per round, moved on each second.
        long idBase = ClaimScenario.idBlock(75)
                + (target.equals("gateway") ? 0 : 100_000)
                + (System.currentTimeMillis() / 1000 * 50) % 99_000;
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            HttpRequest request = HttpRequest.newBuilder(URI.create(gateway + ClaimScenario.PATH))
                    .timeout(Duration.ofSeconds(30))
                    .header("Authorization", "Bearer " + token)
                    .header("Content-Type", "application/json")
                    .header("Idempotency-Key", "upload-" + target + "-" + idBase + "-" + i)
                    .POST(HttpRequest.BodyPublishers.ofString(bodies.claim(idBase + i, COUNTY)))
                    .build();
            JsonNode claim = Http.expect(bench.http().send(request), 201, "file a claim for the uploads");
            ids.add(claim.path("id").asText());
        }
        return ids;
    }

    /** Copies each file to {@code target} and forces it to the device; returns the seconds it took. */
    private static double copy(List<Path> files, Path target) throws IOException {
        Instant start = Instant.now();
        for (Path f : files) {
            Path copy = target.resolve(f.getFileName());
            Files.copy(f, copy);
            try (FileChannel channel = FileChannel.open(copy, StandardOpenOption.WRITE)) {
                channel.force(true);
            }
        }
        return Duration.between(start, Instant.now()).toNanos() / 1e9;
    }

    /** Releases one upload per file at once; returns the seconds until the last answer. */
    private static double upload(
            Bench bench,
            String base,
            String token,
            List<String> claims,
            List<Path> files,
            Map<Integer, Integer> statuses,
            List<Integer> answered) {
        ExecutorService pool = Executors.newFixedThreadPool(files.size());
        CountDownLatch ready = new CountDownLatch(files.size());
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Integer>> answers = new ArrayList<>();
        for (int i = 0; i < files.size(); i++) {
            HttpRequest request = Http.multipartFile(
                    base + "/api/subsidies/claims/" + claims.get(i) + "/evidence",
                    token,
                    Map.of("kind", "INVOICE"),
                    files.get(i),
                    "application/pdf",
                    Duration.ofMinutes(2));
            answers.add(pool.submit(() -> {
                ready.countDown();
                go.await();
                try {
                    HttpResponse<Void> response = bench.http().sendDiscarding(request);
                    return response.statusCode();
                } catch (RuntimeException e) {
                    return -1;
                }
            }));
        }
        try {
            ready.await();
            Instant start = Instant.now();
            go.countDown();
            for (Future<Integer> answer : answers) {
                answered.add(answer.get());
                statuses.merge(answer.get(), 1, Integer::sum);
            }
            return Duration.between(start, Instant.now()).toNanos() / 1e9;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException("an upload failed", e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }
}
