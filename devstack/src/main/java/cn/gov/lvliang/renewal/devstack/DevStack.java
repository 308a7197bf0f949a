package cn.gov.lvliang.renewal.devstack;

import cn.gov.lvliang.renewal.infra.Directories;
import cn.gov.lvliang.renewal.infra.EmbeddedPostgresServer;
import cn.gov.lvliang.renewal.infra.KafkaBroker;
import cn.gov.lvliang.renewal.infra.ManagedProcess;
import cn.gov.lvliang.renewal.infra.Ports;
import com.sun.management.HotSpotDiagnosticMXBean;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.stream.Collectors;

/**
 * The whole suite on this machine: PostgreSQL, Kafka, the services and the gateway.
 *
 * <p>{@link #start(Options)} returns once every application answers {@code /q/health/ready}, or
 * throws after stopping whatever it started. {@link #close()} stops the applications, then the
 * broker, then PostgreSQL. A system test can drive it in-process:
 *
 * <pre>{@code
 * try (DevStack suite = DevStack.start(Options.defaults(root).withFreePorts().withStateDirectory(temp))) {
 *     suite.kafka().stop(); ... suite.kafka().restart();
 * }
 * }</pre>
 */
public final class DevStack implements AutoCloseable {

    static final Duration READY_TIMEOUT = Duration.ofSeconds(180);
    private static final Duration PROGRESS_EVERY = Duration.ofSeconds(15);
    private static final Duration APP_STOP_GRACE = Duration.ofSeconds(30);
    /**
     * A start that trains a class-data archive writes it (about 100 MiB) after Quarkus has stopped;
     * on a busy machine that outlasted 30 s, the stop ended in SIGKILL and no archive was ever kept
     * (decision 0053).
     */
    private static final Duration TRAINING_STOP_GRACE = Duration.ofSeconds(180);

    private static final int LOG_TAIL_LINES = 40;
    private static final long READY_POLL_MILLIS = 100;

    private final Options options;
    private final PrintStream out;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final Map<App, ManagedProcess> apps = new LinkedHashMap<>();
    private final Map<String, ManagedProcess> extraInstances = new LinkedHashMap<>();
    /** The other instances of each service started by {@code --replicas}, by base URL. */
    private final Map<App, List<String>> replicaUrls = new LinkedHashMap<>();

    private final ClassDataArchives classData = new ClassDataArchives();
    private EmbeddedPostgresServer postgres;
    private KafkaBroker kafka;
    /** GreenMail, the SMTP server the notification emails go to; null when its classpath is not built. */
    private ManagedProcess mail;

    private DevKeys keys;
    private boolean closed;

    private DevStack(Options options, PrintStream out) {
        this.options = options;
        this.out = out;
    }

    /** Starts everything and waits until it is ready; progress goes to standard output. */
    public static DevStack start(Options options) {
        return start(options, System.out);
    }

    public static DevStack start(Options options, PrintStream out) {
        DevStack stack = prepare(options, out);
        stack.run();
        return stack;
    }

    /**
     * Checks the options (built applications, free ports) and resolves port 0, starting nothing.
     * Call {@link #run()} next; {@link #close()} may be called from another thread at any time.
     */
    public static DevStack prepare(Options requested, PrintStream out) {
        if (requested.infraOnly()) {
            // nothing is launched from target/: each application runs in quarkus:dev
            return new DevStack(resolvePorts(requested), out);
        }
        List<App> selected = new ArrayList<>();
        List<App> missing = new ArrayList<>();
        for (App app : requested.apps()) {
            (Files.isRegularFile(app.jar(requested.root())) ? selected : missing).add(app);
        }
        if (!missing.isEmpty()) {
            String message = notBuiltMessage(requested.root(), missing);
            if (!requested.skipMissing()) {
                throw new IllegalStateException(message);
            }
            out.println(
                    "Skipping, not built: " + missing.stream().map(App::module).collect(Collectors.joining(", ")));
            if (selected.isEmpty()) {
                throw new IllegalStateException(message);
            }
        }
        Options options = resolvePorts(requested.withApps(selected));
        return new DevStack(options, out);
    }

    static String notBuiltMessage(Path root, List<App> missing) {
        String modules = missing.stream().map(App::module).collect(Collectors.joining(","));
        return "Not built: "
                + missing.stream()
                        .map(app -> app.module() + " (no " + root.relativize(app.jar(root)) + ")")
                        .collect(Collectors.joining(", "))
                + ".\nBuild with: ./mvnw -q -DskipTests package -am -pl " + modules
                + "\n(./suite without --no-build does it), or run what exists with --only ... or --skip-missing.";
    }

    /** Replaces port 0 by free ports and fails, naming every taken port, before anything starts. */
    static Options resolvePorts(Options options) {
        Options resolved = options;
        for (Options.PortSetting setting : Options.PORTS) {
            if (options.port(setting.key()) == 0) {
                resolved = resolved.withPort(setting.key(), Ports.freePort());
            }
        }
        List<String> used = new ArrayList<>(List.of("postgres", "kafka"));
        if (!options.infraOnly()) {
            options.apps().forEach(app -> used.add(app.portKey()));
        }
        List<String> problems = new ArrayList<>();
        Map<Integer, String> seen = new HashMap<>();
        for (String key : used) {
            Options.PortSetting setting = Options.setting(key);
            int port = resolved.port(key);
            String other = seen.putIfAbsent(port, key);
            if (other != null) {
                Options.PortSetting first = Options.setting(other);
                problems.add("Port " + port + " is given to both " + first.purpose() + " (" + first.option() + ") and "
                        + setting.purpose() + " (" + setting.option() + "); give one of them another port.");
            } else if (!Ports.isFree(port)) {
                problems.add(Options.portTakenMessage(setting, port));
            }
        }
        if (!problems.isEmpty()) {
            throw new IllegalStateException(String.join("\n", problems));
        }
        return resolved;
    }

    /** Starts everything in order; on failure stops what it started and throws. */
    public void run() {
        try {
            startInfrastructure();
            keys = DevKeys.loadOrCreate(
                    options.keysDirectory(),
                    App.SERVICES.stream().map(App::module).toList());
            if (options.infraOnly()) {
                writeDevModeSettings();
                return;
            }
            List<App> services = options.apps().stream().filter(App::isService).toList();
            startAndAwait(services);
            startReplicas(services);
            // the gateway, and the console (which needs nothing but the gateway, and that only per request)
            startAndAwait(
                    options.apps().stream().filter(app -> !app.isService()).toList());
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    /** {@code --replicas N}: N - 1 more instances of each service, before the gateway that lists them. */
    private void startReplicas(List<App> services) {
        for (int i = 1; i < options.replicas(); i++) {
            for (App service : services) {
                String url = startAnotherInstance(service.module());
                synchronized (this) {
                    replicaUrls
                            .computeIfAbsent(service, app -> new ArrayList<>())
                            .add(url);
                }
            }
        }
    }

    /** The base URLs of every instance of {@code module}: the first on its port, then its replicas. */
    public synchronized List<String> instanceUrls(String module) {
        App app = running(module);
        List<String> urls = new ArrayList<>();
        urls.add(internalUrl(app));
        urls.addAll(replicaUrls.getOrDefault(app, List.of()));
        return urls;
    }

    private void startInfrastructure() {
        if (options.fresh()) {
            out.println("--fresh: wiping " + options.dataDirectory());
            Directories.deleteRecursively(options.dataDirectory());
        }
        Path brokerClasspath = options.root().resolve("platform/kafka-broker/target/kafka-broker.classpath");
        if (System.getProperty("suite.kafka-broker.classpath") == null && Files.isRegularFile(brokerClasspath)) {
            System.setProperty("suite.kafka-broker.classpath", brokerClasspath.toString());
        }
        out.println("Starting PostgreSQL on :" + options.port("postgres") + " and Kafka on :" + options.port("kafka")
                + " ...");
        Instant started = Instant.now();
        CompletableFuture<KafkaBroker> broker = CompletableFuture.supplyAsync(
                () -> register(KafkaBroker.start(options.dataDirectory().resolve("kafka"), options.port("kafka"))));
        try {
            EmbeddedPostgresServer pg = register(EmbeddedPostgresServer.start(
                    options.dataDirectory().resolve("postgres"), options.port("postgres")));
            for (App app : App.SERVICES) {
                pg.ensureDatabase(app.database());
            }
            out.println("  PostgreSQL ready (databases "
                    + App.SERVICES.stream().map(App::database).collect(Collectors.joining(", ")) + ")");
        } finally {
            try {
                broker.join();
            } catch (CompletionException e) {
                throw e.getCause() instanceof RuntimeException cause ? cause : e;
            }
        }
        out.printf("  Kafka ready (%s)   [%.1f s]%n", kafka.bootstrapServers(), seconds(started));
        startMail();
    }

    /**
     * Starts GreenMail (SMTP, and a REST API to read what it holds) in its own JVM, its classpath
     * written by platform/mail-test-server; without that file the service sends no email.
     */
    private void startMail() {
        Path classpath = options.root().resolve("platform/mail-test-server/target/mail-test-server.classpath");
        if (!Files.isRegularFile(classpath)) {
            out.println("  (no " + classpath + ": notification email is off)");
            return;
        }
        try {
            Path home = Files.createDirectories(options.dataDirectory().resolve("mail"));
            ManagedProcess started = ManagedProcess.start(
                    "greenmail",
                    List.of(
                            ManagedProcess.currentJava(),
                            "-Xmx128m",
                            "-Dgreenmail.smtp.hostname=127.0.0.1",
                            "-Dgreenmail.smtp.port=" + options.port("smtp"),
                            "-Dgreenmail.api.hostname=127.0.0.1",
                            "-Dgreenmail.api.port=" + options.port("mail-api"),
                            "-Dgreenmail.auth.disabled",
                            "-cp",
                            Files.readString(classpath, StandardCharsets.UTF_8).trim(),
                            "com.icegreen.greenmail.standalone.GreenMailStandaloneRunner"),
                    Map.of(),
                    home,
                    options.logsDirectory().resolve("greenmail.log"));
            synchronized (this) {
                mail = started;
            }
            out.println("  GreenMail SMTP on :" + options.port("smtp") + ", mailboxes at " + mailApi());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String mailApi() {
        return "http://127.0.0.1:" + options.port("mail-api") + "/api/user/<address>/messages/INBOX";
    }

    private Path smsLog() {
        return options.logsDirectory().resolve("sms.log");
    }

    private synchronized <T extends AutoCloseable> T register(T resource) {
        if (closed) {
            closeQuietly(resource);
            throw new IllegalStateException("devstack is stopping");
        }
        if (resource instanceof EmbeddedPostgresServer pg) {
            postgres = pg;
        } else if (resource instanceof KafkaBroker broker) {
            kafka = broker;
        }
        return resource;
    }

    private void startAndAwait(List<App> batch) {
        if (batch.isEmpty()) {
            return;
        }
        Map<App, Instant> started = new LinkedHashMap<>();
        for (App app : batch) {
            startApp(app);
            started.put(app, Instant.now());
        }
        Map<App, Instant> waiting = new LinkedHashMap<>(started);
        Instant nextProgress = Instant.now().plus(PROGRESS_EVERY);
        while (!waiting.isEmpty()) {
            for (App app : List.copyOf(waiting.keySet())) {
                ManagedProcess process = process(app);
                if (isReady(app)) {
                    out.printf("  %-28s ready on :%d   [%.1f s]%n", app.module(), port(app), seconds(waiting.get(app)));
                    waiting.remove(app);
                } else if (!process.isAlive()) {
                    throw new IllegalStateException(app.module() + " exited with code " + process.exitValue()
                            + " before it was ready.\n" + logTail(app));
                } else if (Duration.between(waiting.get(app), Instant.now()).compareTo(READY_TIMEOUT) > 0) {
                    throw new IllegalStateException(app.module() + " was not ready after " + READY_TIMEOUT.toSeconds()
                            + " s.\n" + logTail(app));
                }
            }
            if (!waiting.isEmpty() && Instant.now().isAfter(nextProgress)) {
                out.println("  ... waiting for "
                        + waiting.keySet().stream().map(App::module).collect(Collectors.joining(", ")));
                nextProgress = Instant.now().plus(PROGRESS_EVERY);
            }
            if (!waiting.isEmpty()) {
                sleep(READY_POLL_MILLIS);
            }
        }
    }

    private void startApp(App app) {
        ManagedProcess process = launch(app, port(app), log(app));
        synchronized (this) {
            if (closed) {
                stopApp(process);
                throw new IllegalStateException("devstack is stopping");
            }
            apps.put(app, process);
        }
        out.printf("  %-28s starting (pid %d, log %s)%n", app.module(), process.pid(), log(app));
    }

    /**
     * The JVM options of every application, as production runs them (docs/performance.md,
     * "Footprint"): a 256 MiB heap ceiling that starts small and gives memory back (SerialGC
     * shrinks the heap when more than 20 % of it is free after a collection), because on a small
     * machine each service's resident memory matters more than the last few per cent of throughput.
     * Every 5 s the JVM also hands freed native memory back ({@code -XX:TrimNativeHeapInterval},
     * from JDK 17.0.9): glibc keeps what the JIT compiler and the request threads freed, 75 MiB of
     * tradein-subsidy-service's 416 MiB under the claim load ({@code jcmd System.trim_native_heap}).
     * The option is left out on an older JDK, which would refuse to start with it. Only C1 compiles
     * ({@code -XX:TieredStopAtLevel=1}, decision 0053): C2, even at three times its default
     * thresholds, took 1.0–1.2 s of tradein-subsidy-service's 4.7 s of CPU to ready and the
     * profiling tier another share, and under load its compiler arenas and the profiled code heap
     * were the largest part of the resident memory above 300 MiB after heap and class data. The
     * young generation stays at 12 MiB ({@code -Xmn12m}): otherwise it is a third of a heap that
     * grows under load, and every page of it is touched between two collections. Decision 0058: the
     * old generation is kept within 10–20 % of free space after a full collection (it sat 15–25 %
     * above its live data with 20–40 %). C1 at twice its compile thresholds saved 5 MiB of code cache
     * but cost tradein-subsidy-service and recycling-service 0.1–0.3 s of their start (ready alone
     * 2.2 s against 1.9–2.05 s), which has a 2-s target: not kept (0058's amendment).
     */
    public static final List<String> JVM_OPTIONS = jvmOptions();

    private static List<String> jvmOptions() {
        List<String> options = new ArrayList<>(List.of(
                "-Xms32m",
                "-Xmx256m",
                "-Xmn12m",
                "-XX:+UseSerialGC",
                "-XX:MinHeapFreeRatio=10",
                "-XX:MaxHeapFreeRatio=20",
                "-XX:TieredStopAtLevel=1"));
        if (hasVmOption("TrimNativeHeapInterval")) {
            options.add("-XX:TrimNativeHeapInterval=5000");
        }
        return List.copyOf(options);
    }

    /**
     * Options added after {@link #JVM_OPTIONS} for every application, from the environment variable
     * {@code SUITE_EXTRA_JVM_OPTIONS} (split at white space): for measurements such as
     * {@code -XX:NativeMemoryTracking=summary}, or to try an option against the benchmark (the last
     * of two settings of one option wins, so {@code -XX:TieredStopAtLevel=4} brings C2 back).
     */
    static final List<String> EXTRA_JVM_OPTIONS = extraJvmOptions(System.getenv("SUITE_EXTRA_JVM_OPTIONS"));

    static List<String> extraJvmOptions(String value) {
        if (value == null || value.isBlank()) {
            return List.of();
        }
        return List.of(value.strip().split("\\s+"));
    }

    /** Whether this JVM, and so the applications it starts ({@link ManagedProcess#currentJava}), knows the option. */
    private static boolean hasVmOption(String name) {
        try {
            ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class).getVMOption(name);
            return true;
        } catch (IllegalArgumentException unknown) {
            return false;
        }
    }

    private ManagedProcess launch(App app, int port, Path log) {
        try {
            Files.createDirectories(log.getParent());
            Files.writeString(
                    log,
                    "==== devstack: starting " + app.module() + " at " + LocalDateTime.now() + " ====\n",
                    StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        // From the jar's own directory, by relative name: the AppCDS archive records the class path
        // as the build wrote it ("quarkus-run.jar") and is refused under any other spelling.
        Path jar = app.jar(options.root());
        Path workingDirectory = jar.getParent();
        List<String> command = new ArrayList<>();
        command.add(ManagedProcess.currentJava());
        command.addAll(JVM_OPTIONS);
        command.addAll(EXTRA_JVM_OPTIONS);
        ClassDataArchives.Start archive = classData.next(jar);
        command.addAll(archive.jvmOptions());
        command.add("-jar");
        command.add(jar.getFileName().toString());
        Map<String, String> environment = environment(app);
        environment.put("QUARKUS_HTTP_PORT", String.valueOf(port));
        // glibc keeps up to 8 malloc arenas per core, which a JVM's many threads fill with RSS.
        environment.put("MALLOC_ARENA_MAX", "2");
        ManagedProcess process = ManagedProcess.start(app.module(), command, environment, workingDirectory, log);
        classData.started(process, archive);
        return process;
    }

    /** Stops an application's process (SIGTERM, SIGKILL after the grace period) and keeps what it trained. */
    private void stopApp(ManagedProcess process) {
        process.stop(classData.trains(process) ? TRAINING_STOP_GRACE : APP_STOP_GRACE);
        classData.ended(process);
    }

    // ---- fault injection, for the system tests ----

    /**
     * Kills a running service's JVM with SIGKILL, as a crash or the OOM killer would: no shutdown
     * hook runs, no offset or transaction is finished. Returns once the process has gone.
     */
    public void kill(String module) {
        App app = running(module);
        ManagedProcess process = process(app);
        // the wrapper's children: the application's JVM (and the watchdog's cat, which is harmless)
        ProcessHandle.of(process.pid())
                .ifPresent(wrapper -> wrapper.children()
                        .filter(child -> child.info()
                                .command()
                                .map(command -> command.endsWith("java"))
                                .orElse(false))
                        .forEach(DevStack::killAndWait));
        process.stop(Duration.ofSeconds(10)); // the wrapper ends with its child; this closes its watchdog
        classData.ended(process); // killed: what it was training is incomplete and deleted
        out.printf("  %-28s killed (SIGKILL)%n", app.module());
    }

    /**
     * Starts a killed, stopped or running application again on its port, alone, with the same
     * settings, and waits until it is ready.
     *
     * @return the time from its new process's start to its {@code /q/health/ready} (polled every
     *     100 ms); the benchmark times each application's start with it, without the others
     *     competing for the CPU
     */
    public Duration restart(String module) {
        App app = running(module);
        ManagedProcess old = process(app);
        if (old.isAlive()) {
            stopApp(old);
        }
        Instant started = Instant.now();
        startAndAwait(List.of(app));
        return Duration.between(started, Instant.now());
    }

    /**
     * Starts one more instance of a service on another port against the same database and broker,
     * as a second replica would run, and waits until it is ready. {@link #close()} stops it.
     *
     * @return its base URL, e.g. {@code http://127.0.0.1:41234}
     */
    public String startAnotherInstance(String module) {
        App app = running(module);
        if (!app.isService()) {
            throw new IllegalArgumentException("only services run as replicas here");
        }
        int port = Ports.freePort();
        Path log = options.logsDirectory().resolve(app.module() + "-" + port + ".log");
        ManagedProcess process = launch(app, port, log);
        synchronized (this) {
            if (closed) {
                stopApp(process);
                throw new IllegalStateException("devstack is stopping");
            }
            extraInstances.put("http://127.0.0.1:" + port, process);
        }
        String url = "http://127.0.0.1:" + port;
        Instant started = Instant.now();
        while (!isReady(url)) {
            if (!process.isAlive()) {
                throw new IllegalStateException(app.module() + " on :" + port + " exited with code "
                        + process.exitValue() + " before it was ready; log " + log);
            }
            if (Duration.between(started, Instant.now()).compareTo(READY_TIMEOUT) > 0) {
                throw new IllegalStateException(app.module() + " on :" + port + " was not ready; log " + log);
            }
            sleep(500);
        }
        out.printf("  %-28s another instance ready on :%d   [%.1f s]%n", app.module(), port, seconds(started));
        return url;
    }

    /** Stops (SIGTERM, then SIGKILL after the grace period) an instance from {@link #startAnotherInstance}. */
    public void stopAnotherInstance(String url) {
        ManagedProcess process;
        synchronized (this) {
            process = extraInstances.remove(url);
        }
        if (process == null) {
            throw new IllegalArgumentException("no other instance at " + url);
        }
        stopApp(process);
    }

    private App running(String module) {
        App app = App.named(module).orElseThrow(() -> new IllegalArgumentException("unknown application: " + module));
        if (process(app) == null) {
            throw new IllegalStateException(module + " is not part of this run");
        }
        return app;
    }

    private static void killAndWait(ProcessHandle handle) {
        handle.destroyForcibly(); // SIGKILL on Unix
        try {
            handle.onExit().get(30, java.util.concurrent.TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("process " + handle.pid() + " did not die", e);
        }
    }

    /** The environment of one application: everything it needs, nothing from a config file. */
    Map<String, String> environment(App app) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("QUARKUS_PROFILE", "local");
        // Text for people; JSON (the production format) when asked, e.g. by the system tests.
        env.put("QUARKUS_LOG_CONSOLE_JSON_ENABLED", String.valueOf(options.jsonLogs()));
        // Loopback only: the local profile mints tokens for anyone who asks.
        env.put("QUARKUS_HTTP_HOST", "127.0.0.1");
        env.put("QUARKUS_HTTP_PORT", String.valueOf(port(app)));
        env.put("SUITE_JWT_ISSUER", issuer());
        env.put("SUITE_JWT_PUBLIC_KEY_LOCATION", publicKeyLocation());
        if (app.isGateway()) {
            for (App service : App.SERVICES) {
                List<String> urls = new ArrayList<>();
                urls.add(internalUrl(service));
                synchronized (this) {
                    urls.addAll(replicaUrls.getOrDefault(service, List.of()));
                }
                // every instance; the gateway balances across the ready ones
                env.put("SUITE_GATEWAY_BACKENDS_" + service.backendName() + "_URL", String.join(",", urls));
            }
            env.put("SUITE_DEV_TOKEN_PRIVATE_KEY_LOCATION", "file:" + keys.privateKey());
            env.put("SUITE_DEV_TOKEN_ISSUER", devIssuer());
            env.put("SUITE_CONSOLE_URL", internalUrl(App.CONSOLE));
        } else if (app.isConsole()) {
            env.put("SUITE_CONSOLE_GATEWAY_URL", internalUrl(App.GATEWAY));
        } else {
            env.put("QUARKUS_DATASOURCE_JDBC_URL", postgres.jdbcUrl(app.database()));
            env.put("QUARKUS_DATASOURCE_USERNAME", EmbeddedPostgresServer.USER);
            env.put("QUARKUS_DATASOURCE_PASSWORD", "postgres");
            env.put("KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers());
            env.put("SUITE_PII_ENCRYPTION_KEY", keys.encryptionKey(app.module()));
            env.put("SUITE_PII_HASH_KEY", keys.hashKey());
            if (app.equals(App.SUBSIDY)) {
                notices()
                        .forEach((key, value) ->
                                env.put(key.toUpperCase(java.util.Locale.ROOT).replaceAll("[.-]", "_"), value));
            }
            env.putAll(options.serviceSettings());
        }
        return env;
    }

    /**
     * The settings an application needs in {@code quarkus:dev} against this run's PostgreSQL, Kafka
     * and keys, as {@code %dev} configuration properties: what {@link #environment} gives a packaged
     * application, under the properties' own names.
     */
    Map<String, String> devModeSettings(App app) {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("quarkus.http.port", String.valueOf(port(app)));
        settings.put("mp.jwt.verify.issuer", issuer());
        settings.put("mp.jwt.verify.publickey.location", publicKeyLocation());
        if (app.isGateway()) {
            for (App service : App.SERVICES) {
                settings.put("suite.gateway.backends." + service.module() + ".url", internalUrl(service));
            }
            settings.put("suite.dev-token.private-key-location", "file:" + keys.privateKey());
            settings.put("suite.dev-token.issuer", devIssuer());
        } else {
            settings.put("quarkus.datasource.jdbc.url", postgres.jdbcUrl(app.database()));
            settings.put("quarkus.datasource.username", EmbeddedPostgresServer.USER);
            settings.put("quarkus.datasource.password", "postgres");
            settings.put("kafka.bootstrap.servers", kafka.bootstrapServers());
            settings.put("suite.pii.encryption-key", keys.encryptionKey(app.module()));
            settings.put("suite.pii.hash-key", keys.hashKey());
            if (app.equals(App.SUBSIDY)) {
                settings.putAll(notices());
            }
        }
        return settings;
    }

    /** Where tradein-subsidy-service's notifications go: SMS to logs/sms.log, email to GreenMail. */
    private Map<String, String> notices() {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("suite.notices.sms.log-file", smsLog().toString());
        if (mail == null) {
            settings.put("suite.notices.email-enabled", "false");
        } else {
            settings.put("quarkus.mailer.mock", "false");
            settings.put("quarkus.mailer.host", "127.0.0.1");
            settings.put("quarkus.mailer.port", String.valueOf(options.port("smtp")));
        }
        return settings;
    }

    /**
     * Writes {@code <state>/dev-mode/<module>.properties} for every application (mode 600: they
     * hold the dev keys). Each module's {@code application.properties} reads its file in the dev
     * profile ({@code %dev.quarkus.config.locations}).
     */
    private void writeDevModeSettings() {
        Path directory = options.devModeDirectory();
        try {
            DevKeys.createPrivateDirectory(directory);
            for (App app : App.ALL) {
                StringBuilder text = new StringBuilder("# Written by ./suite --infra-only at ")
                        .append(LocalDateTime.now())
                        .append(": ./mvnw quarkus:dev -pl ")
                        .append(app.module())
                        .append(" -am reads it. Dev keys: never use them elsewhere.\n");
                devModeSettings(app)
                        .forEach((key, value) -> text.append("%dev.")
                                .append(key)
                                .append('=')
                                .append(value)
                                .append('\n'));
                DevKeys.writeSecret(directory.resolve(app.module() + ".properties"), text.toString());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private boolean isReady(App app) {
        return isReady(internalUrl(app));
    }

    private boolean isReady(String baseUrl) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + "/q/health/ready"))
                .timeout(Duration.ofSeconds(3))
                .GET()
                .build();
        try {
            return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for " + baseUrl, e);
        }
    }

    private String logTail(App app) {
        Path log = log(app);
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            List<String> tail = lines.subList(Math.max(0, lines.size() - LOG_TAIL_LINES), lines.size());
            return "---- last " + tail.size() + " lines of " + log + " ----\n" + String.join("\n", tail)
                    + "\n---- end of " + log + " ----";
        } catch (IOException e) {
            return "(could not read " + log + ": " + e.getMessage() + ")";
        }
    }

    /** Stops the applications (in parallel), then the broker, then PostgreSQL. Idempotent. */
    @Override
    public void close() {
        List<ManagedProcess> running;
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            running = new ArrayList<>(apps.values());
            running.addAll(extraInstances.values());
        }
        if (!running.isEmpty()) {
            out.println("Stopping applications ...");
            List<Thread> stoppers = running.stream()
                    .map(process -> new Thread(() -> stopApp(process), "stop-" + process.name()))
                    .toList();
            stoppers.forEach(Thread::start);
            stoppers.forEach(DevStack::joinQuietly);
        }
        KafkaBroker broker;
        EmbeddedPostgresServer pg;
        synchronized (this) {
            broker = kafka;
            pg = postgres;
        }
        ManagedProcess greenMail;
        synchronized (this) {
            greenMail = mail;
        }
        if (greenMail != null) {
            greenMail.stop(Duration.ofSeconds(10));
        }
        if (broker != null) {
            out.println("Stopping Kafka ...");
            closeQuietly(broker);
        }
        if (pg != null) {
            out.println("Stopping PostgreSQL ...");
            closeQuietly(pg);
        }
        out.println("Stopped.");
    }

    public synchronized boolean isClosed() {
        return closed;
    }

    public Options options() {
        return options;
    }

    /** The web console through the gateway, e.g. {@code http://127.0.0.1:8080/console/}. */
    public String consoleUrl() {
        return gatewayUrl() + "/console/";
    }

    /** The gateway's base URL, e.g. {@code http://127.0.0.1:8080}. */
    public String gatewayUrl() {
        return serviceUrl(App.GATEWAY.module());
    }

    /** The base URL of a running application by module name, e.g. {@code recycling-service}. */
    public String serviceUrl(String module) {
        App app = App.named(module).orElseThrow(() -> new IllegalArgumentException("unknown application: " + module));
        if (!options.apps().contains(app)) {
            throw new IllegalStateException(module + " is not part of this run");
        }
        return internalUrl(app);
    }

    public EmbeddedPostgresServer postgres() {
        return postgres;
    }

    public KafkaBroker kafka() {
        return kafka;
    }

    public DevKeys keys() {
        return keys;
    }

    /**
     * The token issuer every application trusts: the gateway's dev-token endpoint, or the issuer
     * given by {@link Options#withTokenIssuer}.
     */
    public String issuer() {
        return options.tokenIssuer() == null
                ? devIssuer()
                : options.tokenIssuer().issuer();
    }

    /** Where the applications get the trusted issuer's public keys: a {@code file:} PEM or a JWKS URL. */
    public String publicKeyLocation() {
        return options.tokenIssuer() == null
                ? "file:" + keys.publicKey()
                : options.tokenIssuer().publicKeyLocation();
    }

    /** The issuer of the gateway's {@code /dev/token}; trusted only without another token issuer. */
    private String devIssuer() {
        return "http://localhost:" + options.port(App.GATEWAY.portKey()) + "/dev";
    }

    public Path logsDirectory() {
        return options.logsDirectory();
    }

    public Path log(App app) {
        return options.logsDirectory().resolve(app.module() + ".log");
    }

    /** Applications whose process has ended although the suite was not stopped. */
    public synchronized List<String> exitedApps() {
        return apps.entrySet().stream()
                .filter(entry -> !entry.getValue().isAlive())
                .map(entry -> entry.getKey().module() + " (exit code "
                        + entry.getValue().exitValue() + ", log " + log(entry.getKey()) + ")")
                .toList();
    }

    /** What a developer needs to know once everything is up. */
    public String banner() {
        if (options.infraOnly()) {
            return devModeBanner();
        }
        String gateway = "http://localhost:" + options.port(App.GATEWAY.portKey());
        StringBuilder text = new StringBuilder("\n==== Lüliang renewal suite is up ====\n");
        if (options.apps().contains(App.GATEWAY)) {
            if (options.apps().contains(App.CONSOLE)) {
                text.append("Web console:   ").append(gateway).append("/console/\n");
            }
            text.append("API explorer:  ").append(gateway).append("/q/swagger-ui\n");
        }
        for (App app : options.apps()) {
            text.append(String.format("  %-28s http://localhost:%d%n", app.module(), port(app)));
            for (String replica : replicaUrls.getOrDefault(app, List.of())) {
                text.append(String.format("  %-28s %s (replica)%n", "", replica));
            }
        }
        text.append(String.format("  %-28s %s (user postgres)%n", "PostgreSQL", postgres.jdbcUrl("<database>")));
        text.append(String.format("  %-28s %s%n", "Kafka", kafka.bootstrapServers()));
        if (mail != null) {
            text.append(String.format("  %-28s %s%n", "Sent email (GreenMail)", mailApi()));
        }
        text.append(String.format("  %-28s %s%n", "Sent SMS", smsLog()));
        text.append("Data: ")
                .append(options.dataDirectory())
                .append("\nLogs: ")
                .append(options.logsDirectory())
                .append("\nKeys: ")
                .append(options.keysDirectory())
                .append('\n');
        if (options.tokenIssuer() != null) {
            text.append("\nTokens: only those of ")
                    .append(options.tokenIssuer().issuer())
                    .append(" (keys ")
                    .append(options.tokenIssuer().publicKeyLocation())
                    .append(") are accepted; /dev/token tokens are not.\n");
        } else if (options.apps().contains(App.GATEWAY)) {
            text.append("\nGet a dev token and call an API:\n")
                    .append("  TOKEN=$(curl -s -X POST ")
                    .append(gateway)
                    .append("/dev/token -H 'Content-Type: application/json' \\\n")
                    .append("    -d '{\"role\":\"county-officer\",\"county\":\"141102\"}' \\\n")
                    .append("    | sed -E 's/.*\"access_token\" *: *\"([^\"]+)\".*/\\1/')\n")
                    .append("  curl -i -H \"Authorization: Bearer $TOKEN\" ")
                    .append(gateway)
                    .append("/api/recycling/scrap-certificates/NO-SUCH-CERTIFICATE\n");
        } else {
            text.append("\nThe gateway is not part of this run, so there is no dev-token endpoint.\n");
        }
        text.append("\nCtrl-C stops everything.\n");
        return text.toString();
    }

    /** What {@code --infra-only} prints: where the infrastructure is and how to run each application. */
    private String devModeBanner() {
        StringBuilder text = new StringBuilder("\n==== Infrastructure for dev mode is up ====\n");
        text.append(String.format("  %-28s %s (user postgres)%n", "PostgreSQL", postgres.jdbcUrl("<database>")));
        text.append(String.format("  %-28s %s%n", "Kafka", kafka.bootstrapServers()));
        text.append("Keys: ").append(options.keysDirectory()).append('\n');
        text.append("Settings of each application (%dev profile): ")
                .append(options.devModeDirectory())
                .append("\n\nRun each application in dev mode (live reload), one terminal each, from ")
                .append(options.root())
                .append(":\n");
        boolean defaultState = options.stateDirectory().equals(options.root().resolve(".devstack"));
        for (App app : App.ALL) {
            text.append(String.format("  %-28s http://localhost:%d%n", app.module(), port(app)))
                    .append("    ./mvnw quarkus:dev -pl ")
                    .append(app.module())
                    .append(" -am -Ddebug=false");
            if (!defaultState) {
                // application.properties points at <root>/.devstack/dev-mode; elsewhere, say where
                text.append(" -Dquarkus.config.locations=")
                        .append(options.devModeDirectory().resolve(app.module() + ".properties"));
            }
            text.append('\n');
        }
        text.append("\nEach reads its settings above: ports, database, Kafka, token issuer ")
                .append(issuer())
                .append(" and the PII keys.\nCtrl-C stops PostgreSQL and Kafka.\n");
        return text.toString();
    }

    private int port(App app) {
        return options.port(app.portKey());
    }

    private String internalUrl(App app) {
        return "http://127.0.0.1:" + port(app);
    }

    private synchronized ManagedProcess process(App app) {
        return apps.get(app);
    }

    private static double seconds(Instant since) {
        return Duration.between(since, Instant.now()).toMillis() / 1000.0;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private static void joinQuietly(Thread thread) {
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void closeQuietly(AutoCloseable resource) {
        try {
            resource.close();
        } catch (Exception e) {
            out.println("  (while stopping: " + e + ")");
        }
    }
}
