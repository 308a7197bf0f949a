package cn.gov.lvliang.renewal.devstack;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * One application the launcher runs: a Quarkus module packaged to {@code target/quarkus-app}.
 *
 * @param module the Maven module directory, also the name used in logs and options
 * @param portKey the key of its port in {@link Options#ports()}
 * @param database its PostgreSQL database, or {@code null} for the gateway and the console
 * @param backendName the gateway's name for it ({@code SUITE_GATEWAY_BACKENDS_<name>_URL}), or
 *     {@code null} for the gateway itself and the console (which the gateway finds at {@code
 *     SUITE_CONSOLE_URL})
 */
public record App(String module, String portKey, String database, String backendName) {

    public static final App TASKS = new App("tasks-service", "tasks", "tasks", "TASKS_SERVICE");
    public static final App EQUIPMENT =
            new App("equipment-inventory-service", "equipment", "equipment", "EQUIPMENT_INVENTORY_SERVICE");
    public static final App SUBSIDY =
            new App("tradein-subsidy-service", "subsidy", "subsidy", "TRADEIN_SUBSIDY_SERVICE");
    public static final App RECYCLING = new App("recycling-service", "recycling", "recycling", "RECYCLING_SERVICE");
    public static final App GATEWAY = new App("gateway", "gateway", null, null);
    /** The web console, which the gateway serves at {@code /console/}. */
    public static final App CONSOLE = new App("console", "console", null, null);

    /** The four services, which the gateway fronts. */
    public static final List<App> SERVICES = List.of(TASKS, EQUIPMENT, SUBSIDY, RECYCLING);

    /**
     * The API suite: the services and the gateway, in start order. The system tests and the
     * benchmark run this ({@link Options#defaults}).
     */
    public static final List<App> ALL = List.of(TASKS, EQUIPMENT, SUBSIDY, RECYCLING, GATEWAY);

    /** The API suite and the web console: what {@code ./suite} runs, in start order. */
    public static final List<App> WITH_CONSOLE = List.of(TASKS, EQUIPMENT, SUBSIDY, RECYCLING, GATEWAY, CONSOLE);

    public static Optional<App> named(String module) {
        return WITH_CONSOLE.stream().filter(app -> app.module.equals(module)).findFirst();
    }

    public boolean isGateway() {
        return module.equals("gateway");
    }

    public boolean isConsole() {
        return module.equals("console");
    }

    /** A service with its own database, fronted by the gateway. */
    public boolean isService() {
        return backendName != null;
    }

    public Path jar(Path root) {
        return root.resolve(module).resolve("target").resolve("quarkus-app").resolve("quarkus-run.jar");
    }
}
