package cn.gov.lvliang.renewal.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;

/**
 * The rule "no feature package imports another feature's internals", for one service's base
 * package. A feature is a package directly under the base ({@code subsidy.claims}); the shared
 * {@code messaging} package and the base package itself are not features. A feature's internals are
 * its ways in from outside, which only the runtime calls: its JAX-RS resources ({@code @Path}) and
 * its event subscribers ({@code EventSubscriber}: the handlers it registers for events). Another
 * feature uses its services, entities and records, or reacts to its events; it never calls its
 * resource or its handlers.
 */
final class FeatureInternals {

    static final String PATH = "jakarta.ws.rs.Path";
    static final String SUBSCRIBER = "cn.gov.lvliang.renewal.platform.events.EventSubscriber";

    private FeatureInternals() {}

    static ArchRule rule(String base) {
        return classes()
                .that()
                .resideInAPackage(base + "..")
                .should(notUseAnotherFeaturesInternals(base))
                .because("a feature uses another feature through its services, entities, records and events,"
                        + " never through its resource or its event handlers (issue 24)");
    }

    static String feature(String base, JavaClass type) {
        String pkg = type.getPackageName();
        if (!pkg.startsWith(base + ".")) {
            return null;
        }
        String first = pkg.substring(base.length() + 1).split("\\.")[0];
        return first.equals("messaging") ? null : first;
    }

    static boolean internal(JavaClass type) {
        JavaClass outer = type;
        while (outer.getEnclosingClass().isPresent()) {
            outer = outer.getEnclosingClass().get();
        }
        return outer.isAnnotatedWith(PATH) || outer.isAssignableTo(SUBSCRIBER);
    }

    private static ArchCondition<JavaClass> notUseAnotherFeaturesInternals(String base) {
        return new ArchCondition<>("not use another feature's resources or event subscribers") {
            @Override
            public void check(JavaClass origin, ConditionEvents events) {
                String from = feature(base, origin);
                for (Dependency dependency : origin.getDirectDependenciesFromSelf()) {
                    JavaClass target = dependency.getTargetClass();
                    String to = feature(base, target);
                    if (to != null && !to.equals(from) && internal(target)) {
                        events.add(SimpleConditionEvent.violated(dependency, dependency.getDescription()));
                    }
                }
            }
        };
    }
}
