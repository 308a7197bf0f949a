package cn.gov.lvliang.renewal.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaAnnotation;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaMethod;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A scheduled job's first delay is written as {@code delayed = "1s"}, with its unit. The numeric
 * {@code delay} counts in minutes unless {@code delayUnit} says otherwise: {@code delay = 1} kept
 * every notification of a freshly started tradein-subsidy-service waiting a minute.
 */
class ScheduledDelayTest {

    /** By name: the services' classes are imported from their bytecode, without their dependencies. */
    private static final String SCHEDULED = "io.quarkus.scheduler.Scheduled";

    @Test
    void noScheduledJobUsesTheNumericDelay() {
        List<String> numeric = new ArrayList<>();
        int scheduled = 0;
        for (JavaClass type : ModuleBoundariesTest.CLASSES) {
            for (JavaMethod method : type.getMethods()) {
                for (JavaAnnotation<JavaMethod> annotation : method.getAnnotations()) {
                    if (!annotation.getRawType().getName().equals(SCHEDULED)) {
                        continue;
                    }
                    scheduled++;
                    long delay = ((Number) annotation.get("delay").orElse(0L)).longValue();
                    if (delay > 0) {
                        numeric.add(method.getFullName() + " delay = " + delay);
                    }
                }
            }
        }
        assertThat(scheduled).as("@Scheduled methods seen").isPositive();
        assertThat(numeric)
                .as("@Scheduled with a numeric delay: write delayed = \"…s\"")
                .isEmpty();
    }
}
