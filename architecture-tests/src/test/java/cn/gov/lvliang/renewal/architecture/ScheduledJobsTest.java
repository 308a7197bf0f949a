package cn.gov.lvliang.renewal.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaAnnotation;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaMethod;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;
import org.junit.jupiter.api.Test;

/** Rules every scheduled job of the suite keeps. */
class ScheduledJobsTest {

    /** By name: the services' classes are imported from their bytecode, without their dependencies. */
    private static final String SCHEDULED = "io.quarkus.scheduler.Scheduled";

    private static final String APPLICATION_NOT_RUNNING = SCHEDULED + "$ApplicationNotRunning";

    /**
     * A scheduled job's first delay is written as {@code delayed = "1s"}, with its unit. The numeric
     * {@code delay} counts in minutes unless {@code delayUnit} says otherwise: {@code delay = 1} kept
     * every notification of a freshly started tradein-subsidy-service waiting a minute.
     */
    @Test
    void noScheduledJobUsesTheNumericDelay() {
        List<String> numeric = new ArrayList<>();
        forEachScheduled((method, annotation) -> {
            long delay = ((Number) annotation.get("delay").orElse(0L)).longValue();
            if (delay > 0) {
                numeric.add(method.getFullName() + " delay = " + delay);
            }
        });
        assertThat(numeric)
                .as("@Scheduled with a numeric delay: write delayed = \"…s\"")
                .isEmpty();
    }

    /**
     * A job does not start while the application stops: the scheduler outlives the persistence
     * unit, so a run that fired during the shutdown met a closed EntityManagerFactory and logged an
     * error on every stop (tradein-subsidy-service's notices every 2 s, its claim-month fold).
     */
    @Test
    void everyScheduledJobIsSkippedWhileTheApplicationIsNotRunning() {
        List<String> unguarded = new ArrayList<>();
        forEachScheduled((method, annotation) -> {
            Object predicate = annotation.get("skipExecutionIf").orElse(null);
            String name = predicate instanceof JavaClass type ? type.getName() : String.valueOf(predicate);
            if (!APPLICATION_NOT_RUNNING.equals(name)) {
                unguarded.add(method.getFullName() + " skipExecutionIf = " + name);
            }
        });
        assertThat(unguarded)
                .as("@Scheduled without skipExecutionIf = Scheduled.ApplicationNotRunning.class")
                .isEmpty();
    }

    private static void forEachScheduled(BiConsumer<JavaMethod, JavaAnnotation<JavaMethod>> check) {
        int scheduled = 0;
        for (JavaClass type : ModuleBoundariesTest.CLASSES) {
            for (JavaMethod method : type.getMethods()) {
                for (JavaAnnotation<JavaMethod> annotation : method.getAnnotations()) {
                    if (annotation.getRawType().getName().equals(SCHEDULED)) {
                        scheduled++;
                        check.accept(method, annotation);
                    }
                }
            }
        }
        assertThat(scheduled).as("@Scheduled methods seen").isPositive();
    }
}
