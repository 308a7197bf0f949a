package cn.gov.lvliang.renewal.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.EvaluationResult;
import org.junit.jupiter.api.Test;

/**
 * "No feature package imports another feature's internals" ({@link FeatureInternals}) in every
 * service, and the rule seen failing on a fixture that breaks it.
 */
class FeatureInternalsTest {

    private static final String FIXTURE = "cn.gov.lvliang.renewal.architecture.fixture";

    @Test
    void noFeatureUsesAnotherFeaturesInternals() {
        ModuleBoundariesTest.SERVICES
                .values()
                .forEach(base -> FeatureInternals.rule(base).check(ModuleBoundariesTest.CLASSES));
    }

    @Test
    void theRuleCatchesAFeatureCallingAnotherFeaturesHandlers() {
        JavaClasses fixture = new ClassFileImporter().importPackages(FIXTURE);

        EvaluationResult result = FeatureInternals.rule(FIXTURE).evaluate(fixture);

        assertThat(result.hasViolation()).isTrue();
        // the constructor call and the method call, both from billing into orders' handlers
        assertThat(result.getFailureReport().getDetails())
                .hasSize(2)
                .allSatisfy(detail -> assertThat(detail)
                        .contains("fixture.billing.Billing.bill")
                        .contains("fixture.orders.OrderHandlers"));
    }
}
