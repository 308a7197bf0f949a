package cn.gov.lvliang.renewal.devstack;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * What to start and where.
 *
 * @param root the repository root, holding each module's {@code target/quarkus-app}
 * @param stateDirectory data, keys and logs ({@code <root>/.devstack} by default)
 * @param ports port by key ({@link #PORTS}); 0 picks a free port
 * @param apps the applications to run, in start order
 * @param fresh wipe {@code <state>/data} before starting
 * @param skipMissing skip applications that are not built instead of failing
 * @param tokenIssuer the issuer whose tokens the applications accept instead of the gateway's
 *     dev issuer (an OIDC provider such as Keycloak); {@code null} for the dev issuer
 * @param infraOnly start PostgreSQL, Kafka and the dev keys only, and write each application's
 *     dev-mode settings ({@code ./mvnw quarkus:dev}) instead of starting it
 * @param jsonLogs the applications log JSON lines, as in production, instead of readable text
 * @param replicas instances of each service (1 or more); the gateway balances across them
 * @param serviceSettings environment variables every service instance gets on top of its own, e.g.
 *     a test's schedule ({@code TASKS_SUPERVISION_CRON}); empty for {@code ./suite}
 */
public record Options(
        Path root,
        Path stateDirectory,
        Map<String, Integer> ports,
        List<App> apps,
        boolean fresh,
        boolean skipMissing,
        TokenIssuer tokenIssuer,
        boolean infraOnly,
        boolean jsonLogs,
        int replicas,
        Map<String, String> serviceSettings) {

    /**
     * A token issuer the applications trust: {@code SUITE_JWT_ISSUER} and {@code
     * SUITE_JWT_PUBLIC_KEY_LOCATION}.
     *
     * @param issuer the tokens' {@code iss}, e.g. {@code http://127.0.0.1:8180/realms/lvliang-renewal}
     * @param publicKeyLocation a JWKS URL (e.g. {@code <issuer>/protocol/openid-connect/certs}) or a
     *     PEM file ({@code file:...})
     */
    public record TokenIssuer(String issuer, String publicKeyLocation) {
        public TokenIssuer {
            if (issuer == null || issuer.isBlank() || publicKeyLocation == null || publicKeyLocation.isBlank()) {
                throw new IllegalArgumentException("a token issuer needs both the issuer and the public key location");
            }
        }
    }

    /** A configurable port: its key, command-line option, environment variable and default. */
    public record PortSetting(String key, String option, String envVar, String purpose, int defaultPort) {}

    public static final List<PortSetting> PORTS = List.of(
            new PortSetting("gateway", "--gateway-port", "SUITE_GATEWAY_PORT", "gateway HTTP", 8080),
            new PortSetting("tasks", "--tasks-port", "SUITE_TASKS_PORT", "tasks-service HTTP", 8081),
            new PortSetting(
                    "equipment", "--equipment-port", "SUITE_EQUIPMENT_PORT", "equipment-inventory-service HTTP", 8082),
            new PortSetting("subsidy", "--subsidy-port", "SUITE_SUBSIDY_PORT", "tradein-subsidy-service HTTP", 8083),
            new PortSetting("recycling", "--recycling-port", "SUITE_RECYCLING_PORT", "recycling-service HTTP", 8084),
            new PortSetting("console", "--console-port", "SUITE_CONSOLE_PORT", "web console HTTP", 8085),
            new PortSetting("postgres", "--postgres-port", "SUITE_POSTGRES_PORT", "PostgreSQL", 15432),
            new PortSetting("kafka", "--kafka-port", "SUITE_KAFKA_PORT", "Kafka broker", 19092),
            new PortSetting("smtp", "--smtp-port", "SUITE_SMTP_PORT", "GreenMail SMTP (notification email)", 12525),
            new PortSetting(
                    "mail-api",
                    "--mail-api-port",
                    "SUITE_MAIL_API_PORT",
                    "GreenMail REST API (read sent email)",
                    18025));

    public Options {
        root = root.toAbsolutePath().normalize();
        stateDirectory = stateDirectory.toAbsolutePath().normalize();
        ports = Map.copyOf(ports);
        apps = List.copyOf(apps);
        serviceSettings = Map.copyOf(serviceSettings);
        if (replicas < 1 || replicas > MAX_REPLICAS) {
            throw new UsageException("--replicas must be between 1 and " + MAX_REPLICAS + ": " + replicas);
        }
    }

    /** More would not fit a developer's machine: each instance takes up to 256 MiB of heap. */
    public static final int MAX_REPLICAS = 4;

    /**
     * The API suite (services and gateway, {@link App#ALL}) on the default ports, state in {@code
     * <root>/.devstack}; {@code withApps(App.WITH_CONSOLE)} adds the web console.
     */
    public static Options defaults(Path root) {
        Map<String, Integer> ports = new LinkedHashMap<>();
        PORTS.forEach(setting -> ports.put(setting.key(), setting.defaultPort()));
        return new Options(
                root, root.resolve(".devstack"), ports, App.ALL, false, false, null, false, false, 1, Map.of());
    }

    public Options withStateDirectory(Path directory) {
        return copy(o -> o.stateDirectory = directory);
    }

    /** Every port 0: the launcher picks free ports, so that runs never collide. */
    public Options withFreePorts() {
        Map<String, Integer> free = new LinkedHashMap<>();
        PORTS.forEach(setting -> free.put(setting.key(), 0));
        return copy(o -> o.ports = free);
    }

    public Options withPort(String key, int port) {
        setting(key);
        Map<String, Integer> changed = new LinkedHashMap<>(ports);
        changed.put(key, port);
        return copy(o -> o.ports = changed);
    }

    public Options withApps(List<App> selected) {
        return copy(o -> o.apps = selected);
    }

    public Options withFresh(boolean wipe) {
        return copy(o -> o.fresh = wipe);
    }

    public Options withSkipMissing(boolean skip) {
        return copy(o -> o.skipMissing = skip);
    }

    /**
     * The applications trust tokens of {@code issuer} (keys from {@code publicKeyLocation}) instead
     * of the gateway's dev issuer; the gateway's {@code /dev/token} then signs tokens nobody accepts.
     */
    public Options withTokenIssuer(String issuer, String publicKeyLocation) {
        return copy(o -> o.tokenIssuer = new TokenIssuer(issuer, publicKeyLocation));
    }

    /** PostgreSQL, Kafka and the dev keys only; each application then runs in {@code quarkus:dev}. */
    public Options withInfraOnly(boolean only) {
        return copy(o -> o.infraOnly = only);
    }

    /** JSON log lines, as under the production profile (the system tests read them so). */
    public Options withJsonLogs(boolean json) {
        return copy(o -> o.jsonLogs = json);
    }

    /** {@code count} instances of each service behind the gateway, as a cluster would run them. */
    public Options withReplicas(int count) {
        return copy(o -> o.replicas = count);
    }

    /**
     * Every service instance also gets environment variable {@code name} = {@code value}: a system
     * test's setting, such as a scheduled job's cron, that {@code ./suite} leaves at its default.
     */
    public Options withServiceSetting(String name, String value) {
        Map<String, String> changed = new LinkedHashMap<>(serviceSettings);
        changed.put(name, value);
        return copy(o -> o.serviceSettings = changed);
    }

    /** These options with the fields {@code change} sets: what every {@code with…} method returns. */
    private Options copy(Consumer<Fields> change) {
        Fields fields = new Fields(this);
        change.accept(fields);
        return new Options(
                fields.root,
                fields.stateDirectory,
                fields.ports,
                fields.apps,
                fields.fresh,
                fields.skipMissing,
                fields.tokenIssuer,
                fields.infraOnly,
                fields.jsonLogs,
                fields.replicas,
                fields.serviceSettings);
    }

    /** The record's fields, as a {@code with…} method changes one of them. */
    private static final class Fields {
        Path root;
        Path stateDirectory;
        Map<String, Integer> ports;
        List<App> apps;
        boolean fresh;
        boolean skipMissing;
        TokenIssuer tokenIssuer;
        boolean infraOnly;
        boolean jsonLogs;
        int replicas;
        Map<String, String> serviceSettings;

        Fields(Options options) {
            root = options.root;
            stateDirectory = options.stateDirectory;
            ports = options.ports;
            apps = options.apps;
            fresh = options.fresh;
            skipMissing = options.skipMissing;
            tokenIssuer = options.tokenIssuer;
            infraOnly = options.infraOnly;
            jsonLogs = options.jsonLogs;
            replicas = options.replicas;
            serviceSettings = options.serviceSettings;
        }
    }

    /** Where {@code --infra-only} writes the dev-mode settings of each application. */
    public Path devModeDirectory() {
        return stateDirectory.resolve("dev-mode");
    }

    public int port(String key) {
        return ports.get(key);
    }

    public Path dataDirectory() {
        return stateDirectory.resolve("data");
    }

    public Path keysDirectory() {
        return stateDirectory.resolve("keys");
    }

    public Path logsDirectory() {
        return stateDirectory.resolve("logs");
    }

    public static PortSetting setting(String key) {
        return PORTS.stream()
                .filter(setting -> setting.key().equals(key))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown port: " + key));
    }

    /** The message for a port that is already taken. */
    public static String portTakenMessage(PortSetting setting, int port) {
        return "Port " + port + " (" + setting.purpose() + ") is already in use. Stop whatever listens there, "
                + "or choose another port with " + setting.option() + " or " + setting.envVar() + ".";
    }

    /** Thrown for a command line that cannot be used; the message says why. */
    public static final class UsageException extends RuntimeException {
        UsageException(String message) {
            super(message);
        }
    }

    /** The command line, or {@code null} for {@code --help}. */
    public static Options parse(List<String> args, Map<String, String> env, Path workingDirectory) {
        Map<String, Integer> ports = new LinkedHashMap<>();
        for (PortSetting setting : PORTS) {
            String value = env.get(setting.envVar());
            ports.put(
                    setting.key(),
                    value == null || value.isBlank() ? setting.defaultPort() : parsePort(value, setting.envVar()));
        }
        Path root = workingDirectory;
        Path state = null;
        List<App> apps = App.WITH_CONSOLE;
        boolean fresh = false;
        boolean skipMissing = false;
        boolean infraOnly = false;
        boolean jsonLogs = false;
        int replicas = 1;
        String jwtIssuer = null;
        String jwtKeys = null;
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            String option = arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg;
            String inline = arg.contains("=") ? arg.substring(arg.indexOf('=') + 1) : null;
            switch (option) {
                case "-h", "--help" -> {
                    return null;
                }
                case "--fresh" -> fresh = true;
                case "--skip-missing" -> skipMissing = true;
                case "--infra-only" -> infraOnly = true;
                case "--json-logs" -> jsonLogs = true;
                case "--replicas" -> replicas = parseReplicas(inline != null ? inline : value(args, ++i, option));
                case "--root" -> root = workingDirectory.resolve(inline != null ? inline : value(args, ++i, option));
                case "--state" -> state = workingDirectory.resolve(inline != null ? inline : value(args, ++i, option));
                case "--only" -> apps = selectApps(inline != null ? inline : value(args, ++i, option));
                case "--jwt-issuer" -> jwtIssuer = inline != null ? inline : value(args, ++i, option);
                case "--jwt-public-key-location" -> jwtKeys = inline != null ? inline : value(args, ++i, option);
                default -> {
                    PortSetting setting = PORTS.stream()
                            .filter(s -> s.option().equals(option))
                            .findFirst()
                            .orElseThrow(() -> new UsageException("unknown option: " + arg));
                    ports.put(setting.key(), parsePort(inline != null ? inline : value(args, ++i, option), option));
                }
            }
        }
        if ((jwtIssuer == null) != (jwtKeys == null)) {
            throw new UsageException("--jwt-issuer and --jwt-public-key-location go together");
        }
        return new Options(
                root,
                state != null ? state : root.resolve(".devstack"),
                ports,
                apps,
                fresh,
                skipMissing,
                jwtIssuer == null ? null : new TokenIssuer(jwtIssuer, jwtKeys),
                infraOnly,
                jsonLogs,
                replicas,
                Map.of());
    }

    private static String value(List<String> args, int index, String option) {
        if (index >= args.size()) {
            throw new UsageException(option + " needs a value");
        }
        return args.get(index);
    }

    private static int parseReplicas(String value) {
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new UsageException("--replicas: not a number: " + value);
        }
    }

    private static int parsePort(String value, String source) {
        try {
            int port = Integer.parseInt(value.trim());
            if (port < 0 || port > 65535) {
                throw new UsageException(source + ": port out of range: " + value);
            }
            return port;
        } catch (NumberFormatException e) {
            throw new UsageException(source + ": not a port number: " + value);
        }
    }

    private static List<App> selectApps(String list) {
        Set<String> names = new LinkedHashSet<>();
        for (String name : list.split(",")) {
            if (!name.isBlank()) {
                names.add(name.trim());
            }
        }
        List<App> selected = new ArrayList<>();
        for (String name : names) {
            selected.add(App.named(name)
                    .orElseThrow(() -> new UsageException("--only: unknown application '" + name + "'; known: "
                            + App.WITH_CONSOLE.stream().map(App::module).collect(Collectors.joining(", ")))));
        }
        if (selected.isEmpty()) {
            throw new UsageException("--only needs at least one application");
        }
        return App.WITH_CONSOLE.stream().filter(selected::contains).toList();
    }

    public static String usage() {
        StringBuilder text = new StringBuilder();
        text.append("Usage: ./suite [--no-build] [options]\n\n")
                .append(
                        "Starts PostgreSQL, Kafka, the four services, the gateway and the web console on this machine.\n")
                .append("Ctrl-C stops everything. Data and keys are kept between runs.\n\n")
                .append("Options:\n")
                .append("  --root DIR          repository root (default: current directory)\n")
                .append("  --state DIR         state directory: data, keys, logs (default: <root>/.devstack)\n")
                .append("  --fresh             wipe <state>/data first (keys and logs are kept)\n")
                .append("  --only A,B          run only these applications, e.g. --only recycling-service\n")
                .append("  --skip-missing      skip applications that are not built instead of failing\n")
                .append("  --infra-only        start PostgreSQL, Kafka and the dev keys only, and print how to run\n")
                .append("                      each application in dev mode: ./mvnw quarkus:dev -pl <module> -am\n")
                .append(
                        "  --jwt-issuer URL    trust this token issuer (e.g. a Keycloak realm) instead of the gateway's\n")
                .append("                      dev issuer; needs --jwt-public-key-location (a JWKS URL or file:...)\n")
                .append("  --jwt-public-key-location URL\n")
                .append(
                        "                      where that issuer's keys are, e.g. <issuer>/protocol/openid-connect/certs\n")
                .append("  --json-logs         the applications log JSON lines, as in production (default: text)\n")
                .append("  --replicas N        run N instances of each service (1-" + MAX_REPLICAS
                        + "); the gateway balances across the ready ones\n")
                .append("  -h, --help          this text\n\n")
                .append("Ports (0 picks a free port; the environment variable is used when the option is absent):\n");
        for (PortSetting setting : PORTS) {
            text.append(String.format(
                    "  %-22s %-22s %-34s default %d%n",
                    setting.option() + " N", setting.envVar(), setting.purpose(), setting.defaultPort()));
        }
        text.append("\nApplications: ")
                .append(App.WITH_CONSOLE.stream().map(App::module).collect(Collectors.joining(", ")))
                .append('\n');
        return text.toString();
    }
}
