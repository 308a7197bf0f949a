package cn.gov.lvliang.renewal.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import org.junit.jupiter.api.Test;

/**
 * The shape inside a service (decision 0015): consumers are thin adapters in the service's {@code
 * messaging} package, and the feature packages depend on each other one way only.
 */
class ServiceShapeTest {

    private static final String INCOMING = "org.eclipse.microprofile.reactive.messaging.Incoming";

    @Test
    void consumersLiveOnlyInMessaging() {
        methods()
                .that()
                .areAnnotatedWith(INCOMING)
                .should()
                .beDeclaredInClassesThat()
                .resideInAPackage("cn.gov.lvliang.renewal.*.messaging")
                .because("a service's @Incoming adapters are in its messaging package; features register"
                        + " typed handlers (decision 0015)")
                .check(ModuleBoundariesTest.CLASSES);
    }

    @Test
    void featurePackagesAreFreeOfCycles() {
        ModuleBoundariesTest.SERVICES.forEach((module, pkg) -> slices().matching(pkg + ".(*)..")
                .namingSlices(module + " feature $1")
                .should()
                .beFreeOfCycles()
                .because("a feature depends on another one way only: a cycle means a piece sits in the wrong"
                        + " package or one side should fire an event or implement an interface")
                .check(ModuleBoundariesTest.CLASSES));
    }
}
