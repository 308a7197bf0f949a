package cn.gov.lvliang.renewal.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.HdrHistogram.Histogram;

/**
 * The load generator, run in its own JVM by the harness ({@code LoadGenerator <spec.json>
 * <result.json>}), so that its CPU and heap are not the harness's and not the services'.
 *
 * <p>Two ways of loading: <b>closed loop</b> (rate 0: {@code concurrency} threads each send the
 * next request as soon as the previous one answered; throughput and latency at that concurrency)
 * and <b>open loop</b> (rate &gt; 0: request {@code i} is due at {@code start + i / rate}, sent by
 * whichever of {@code concurrency} threads is free, until the window ends; reports the rate actually
 * achieved, which is lower than the rate offered when the service cannot keep up). Every
 * request body is new (fresh identifiers), so nothing is answered from an idempotency replay or
 * refused as a duplicate. Latencies are recorded in microseconds in an HdrHistogram, for requests
 * started inside the measured window only.
 */
public final class LoadGenerator {

    /** One measured step. {@code kind} is {@code claims} or {@code certificates}. */
    public record Step(
            String label,
            String kind,
            String url,
            int concurrency,
            long warmupMillis,
            long durationMillis,
            int rate,
            String prefix) {}

    /**
     * What to run.
     *
     * @param tokens bearer tokens: for claims one per county code (a county officer files in its
     *     county), for certificates one under the key {@code dismantler}
     * @param dismantler the dismantler's credit code, for certificates
     * @param idOffset the first number used to derive unique ID numbers, invoices and serials
     */
    public record Spec(List<Step> steps, Map<String, String> tokens, String dismantler, long idOffset) {}

    /** The outcome of one step. */
    public record Result(
            String label,
            long completed,
            long errors,
            Map<String, Long> statuses,
            double seconds,
            double throughput,
            double meanMillis,
            double p50Millis,
            double p95Millis,
            double p99Millis,
            double maxMillis,
            long startedEpochMillis,
            long endedEpochMillis,
            String histogram) {

        /** The latency histogram (microseconds), for merging the rounds of one target. */
        public Histogram latencies() {
            try {
                return Histogram.decodeFromCompressedByteBuffer(
                        java.nio.ByteBuffer.wrap(java.util.Base64.getDecoder().decode(histogram)), 0);
            } catch (java.util.zip.DataFormatException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Spec spec;
    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    private final AtomicLong sequence;
    private final Bodies bodies;

    private LoadGenerator(Spec spec) {
        this.spec = spec;
        this.sequence = new AtomicLong(spec.idOffset());
        this.bodies = new Bodies(spec.dismantler());
    }

    public static void main(String[] args) throws Exception {
        Spec spec = JSON.readValue(Path.of(args[0]).toFile(), Spec.class);
        LoadGenerator generator = new LoadGenerator(spec);
        List<Result> results = new ArrayList<>();
        for (Step step : spec.steps()) {
            Result result = generator.run(step);
            System.out.printf(
                    "%s: %d ok, %d errors, %.1f/s, p50 %.2f ms, p99 %.2f ms%n",
                    result.label(),
                    result.completed(),
                    result.errors(),
                    result.throughput(),
                    result.p50Millis(),
                    result.p99Millis());
            results.add(result);
        }
        Files.writeString(Path.of(args[1]), JSON.writeValueAsString(results));
    }

    private Result run(Step step) throws InterruptedException {
        long start = System.nanoTime();
        long measureFrom = start + step.warmupMillis() * 1_000_000;
        long measureTo = measureFrom + step.durationMillis() * 1_000_000;
        long total = step.rate() > 0 ? step.rate() * step.durationMillis() / 1000 : Long.MAX_VALUE;
        AtomicLong due = new AtomicLong();
        Map<String, Long> statuses = new ConcurrentHashMap<>();
        List<Histogram> histograms = new ArrayList<>();
        AtomicLong completed = new AtomicLong();
        AtomicLong errors = new AtomicLong();
        AtomicLong lastEnd = new AtomicLong(measureFrom);
        List<Thread> workers = new ArrayList<>();
        long startedEpoch = System.currentTimeMillis() + step.warmupMillis();
        for (int w = 0; w < step.concurrency(); w++) {
            Histogram histogram = new Histogram(60_000_000L, 3);
            histograms.add(histogram);
            Thread worker = new Thread(
                    () -> {
                        while (true) {
                            long sendAt;
                            if (step.rate() > 0) {
                                long i = due.getAndIncrement();
                                if (i >= total || System.nanoTime() > measureTo) {
                                    return; // an open loop that fell behind stops at the end of its window
                                }
                                sendAt = measureFrom + i * 1_000_000_000L / step.rate();
                                long wait = sendAt - System.nanoTime();
                                if (wait > 0) {
                                    LockSupport.parkNanos(wait);
                                }
                            } else if (System.nanoTime() >= measureTo) {
                                return;
                            }
                            long sent = System.nanoTime();
                            int status = send(step);
                            long ended = System.nanoTime();
                            if (sent < measureFrom) {
                                continue;
                            }
                            statuses.merge(String.valueOf(status), 1L, Long::sum);
                            if (status == 201 || status == 200) {
                                completed.incrementAndGet();
                                histogram.recordValue(Math.min((ended - sent) / 1000, 60_000_000L));
                            } else {
                                errors.incrementAndGet();
                            }
                            lastEnd.accumulateAndGet(ended, Math::max);
                        }
                    },
                    "load-" + step.label() + "-" + w);
            worker.start();
            workers.add(worker);
        }
        for (Thread worker : workers) {
            worker.join();
        }
        Histogram all = new Histogram(60_000_000L, 3);
        histograms.forEach(all::add);
        long windowEnd = step.rate() > 0 ? lastEnd.get() : measureTo;
        double seconds = Math.max(1e-3, (windowEnd - measureFrom) / 1e9);
        return new Result(
                step.label(),
                completed.get(),
                errors.get(),
                new TreeMap<>(statuses),
                seconds,
                completed.get() / seconds,
                all.getMean() / 1000.0,
                all.getValueAtPercentile(50) / 1000.0,
                all.getValueAtPercentile(95) / 1000.0,
                all.getValueAtPercentile(99) / 1000.0,
                all.getMaxValue() / 1000.0,
                startedEpoch,
                System.currentTimeMillis(),
                encode(all));
    }

    private static String encode(Histogram histogram) {
        java.nio.ByteBuffer buffer = java.nio.ByteBuffer.allocate(histogram.getNeededByteBufferCapacity());
        int length = histogram.encodeIntoCompressedByteBuffer(buffer);
        return java.util.Base64.getEncoder().encodeToString(java.util.Arrays.copyOf(buffer.array(), length));
    }

    private int send(Step step) {
        long n = sequence.getAndIncrement();
        String token;
        String body;
        if (step.kind().equals("claims")) {
            String county = Bodies.COUNTIES.get((int) (n % Bodies.COUNTIES.size()));
            token = spec.tokens().get(county);
            body = bodies.claim(n, county);
        } else {
            token = spec.tokens().get("dismantler");
            body = bodies.certificate(step.prefix() + n);
        }
        HttpRequest request = HttpRequest.newBuilder(URI.create(step.url()))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .header("Idempotency-Key", step.prefix() + "-" + n)
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() >= 300 && Math.floorMod(n, 50) == 0) {
                System.out.println("sample error " + response.statusCode() + ": "
                        + response.body()
                                .substring(0, Math.min(300, response.body().length())));
            }
            return response.statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -2;
        }
    }
}
