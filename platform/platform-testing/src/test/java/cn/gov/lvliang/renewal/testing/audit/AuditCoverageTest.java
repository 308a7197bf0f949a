package cn.gov.lvliang.renewal.testing.audit;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.reflect.Method;
import java.util.List;
import org.junit.jupiter.api.Test;

class AuditCoverageTest {

    @Retention(RetentionPolicy.RUNTIME)
    @interface Binding {}

    @Path("/covered")
    @Binding
    public static class Covered {
        @POST
        public void write() {}
    }

    @Path("/forgotten")
    public static class Forgotten {
        @GET
        public String read() {
            return "";
        }

        @POST
        public void write() {}
    }

    @Path("/reads-only")
    public static class ReadsOnly {
        @GET
        public String read() {
            return "";
        }
    }

    private static boolean isWrite(Method method) {
        return method.isAnnotationPresent(POST.class);
    }

    @Test
    void findsTheResourceClassesOfAPackage() {
        assertThat(AuditCoverage.resourceClasses(AuditCoverageTest.class.getPackageName()))
                .contains(Covered.class, Forgotten.class, ReadsOnly.class)
                .doesNotContain(AuditCoverageTest.class);
    }

    @Test
    void reportsAWriteWhoseClassLacksTheBinding() {
        List<Class<?>> classes = List.of(Covered.class, Forgotten.class, ReadsOnly.class);

        assertThat(AuditCoverage.uncovered(classes, Binding.class, AuditCoverageTest::isWrite))
                .containsExactly(Forgotten.class.getName() + "#write");
    }
}
