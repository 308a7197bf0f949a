package cn.gov.lvliang.renewal.devstack;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** {@code java -jar devstack/target/devstack.jar [options]}; see {@link Options#usage()}. */
public final class Main {

    /** Set when Ctrl-C or SIGTERM asked us to stop; startup errors after that are expected. */
    private static volatile boolean signalled;

    private Main() {}

    public static void main(String[] args) {
        // zonky and the Kafka admin client log through SLF4J; only their problems matter here.
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        // The admin client warns on every retry while the broker starts.
        System.setProperty("org.slf4j.simpleLogger.log.org.apache.kafka", "error");
        Options options;
        try {
            options = Options.parse(List.of(args), System.getenv(), Path.of(""));
        } catch (Options.UsageException e) {
            System.err.println("devstack: " + e.getMessage() + "\n");
            System.err.print(Options.usage());
            System.exit(2);
            return;
        }
        if (options == null) {
            System.out.print(Options.usage());
            return;
        }
        DevStack stack;
        try {
            stack = DevStack.prepare(options, System.out);
        } catch (IllegalStateException e) {
            System.err.println("devstack: " + e.getMessage());
            System.exit(1);
            return;
        }
        // Ctrl-C and SIGTERM run this hook: applications first, then the broker, then PostgreSQL.
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            signalled = true;
                            stack.close();
                        },
                        "devstack-shutdown"));
        try {
            stack.run();
        } catch (RuntimeException e) {
            if (!signalled) {
                System.err.println("\ndevstack: " + e.getMessage());
            }
            System.exit(1);
            return;
        }
        System.out.print(stack.banner());
        watch(stack);
    }

    /** Reports applications that exit on their own, until the JVM is told to stop. */
    private static void watch(DevStack stack) {
        Set<String> reported = new HashSet<>();
        while (!stack.isClosed()) {
            for (String exited : stack.exitedApps()) {
                if (reported.add(exited) && !stack.isClosed()) {
                    System.out.println("devstack: " + exited + " has exited; the rest keeps running.");
                }
            }
            try {
                Thread.sleep(2000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
