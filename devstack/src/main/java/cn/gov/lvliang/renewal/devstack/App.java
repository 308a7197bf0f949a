package cn.gov.lvliang.renewal.devstack;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * One application the launcher runs: a Quarkus module packaged to {@code target/quarkus-app}.
 *
 * @param module the Maven module directory, also the name used in logs and options
 * @param portKey the key of its port in {@link Options#ports()}
 * @param database its PostgreSQL database, or {@code null} for the gateway
 * @param backendName the gateway's name for it ({@code SUITE_GATEWAY_BACKENDS_<name>_URL}), or
 *     {@code null} for the gateway itself
 */
public record App(String module, String portKey, String database, String backendName) {

    public static final App TASKS = new App("tasks-service", "tasks", "tasks", "TASKS_SERVICE");
    public static final App EQUIPMENT =
            new App("equipment-inventory-service", "equipment", "equipment", "EQUIPMENT_INVENTORY_SERVICE");
    public static final App SUBSIDY =
            new App("tradein-subsidy-service", "subsidy", "subsidy", "TRADEIN_SUBSIDY_SERVICE");
    public static final App RECYCLING = new App("recycling-service", "recycling", "recycling", "RECYCLING_SERVICE");
    public static final App GATEWAY = new App("gateway", "gateway", null, null);

    /** The four services, which the gateway fronts. */
    public static final List<App> SERVICES = List.of(TASKS, EQUIPMENT, SUBSIDY, RECYCLING);

    /** Every application, in start order. */
    public static final List<App> ALL = List.of(TASKS, EQUIPMENT, SUBSIDY, RECYCLING, GATEWAY);

    public static Optional<App> named(String module) {
        return ALL.stream().filter(app -> app.module.equals(module)).findFirst();
    }

    public boolean isGateway() {
        return backendName == null;
    }

    public Path jar(Path root) {
        return root.resolve(module).resolve("target").resolve("quarkus-app").resolve("quarkus-run.jar");
    }
}
