package cn.gov.lvliang.renewal.subsidy.claims;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.lvliang.renewal.subsidy.programmes.RuleParameters;
import java.util.List;
import org.junit.jupiter.api.Test;

class SharedContactRuleTest {

    @Test
    void theFourthClaimOnOneAccountIsFlaggedNamingTheOtherThree() {
        List<String> others = List.of("LL-141102-2025-000001", "LL-141102-2025-000002", "LL-141102-2025-000003");
        CheckResult result = SharedContactRule.evaluate(SharedContactRule.Contact.BANK_ACCOUNT, others, 3, 3, 365);
        assertThat(result.outcome()).isEqualTo(CheckResult.Outcome.FLAGGED);
        assertThat(result.code()).isEqualTo("SHARED_BANK_ACCOUNT");
        assertThat(result.evidence())
                .startsWith("4 claim(s) within 365 days pay into this bank account")
                .contains("more than 3")
                .contains("LL-141102-2025-000001, LL-141102-2025-000002, LL-141102-2025-000003");
    }

    @Test
    void threeClaimsOnOneAccountPass() {
        CheckResult result = SharedContactRule.evaluate(SharedContactRule.Contact.PHONE, List.of("A", "B"), 2, 3, 365);
        assertThat(result.outcome()).isEqualTo(CheckResult.Outcome.PASSED);
        assertThat(result.code()).isEqualTo("SHARED_PHONE");
        assertThat(result.evidence()).startsWith("3 claim(s) within 365 days give this phone");
    }

    @Test
    void theThresholdIsTheRuleVersionsAndOnlyTheFirstClaimsAreNamed() {
        CheckResult result = SharedContactRule.evaluate(SharedContactRule.Contact.PHONE, List.of("A", "B"), 25, 1, 30);
        assertThat(result.outcome()).isEqualTo(CheckResult.Outcome.FLAGGED);
        assertThat(result.evidence()).contains("within 30 days").endsWith("this one and A, B and 23 more");
        assertThat(SharedContactRule.evaluate(SharedContactRule.Contact.PHONE, List.of(), 0, 1, 30)
                        .outcome())
                .isEqualTo(CheckResult.Outcome.PASSED);
    }

    @Test
    void missingThresholdsTakeTheirDefaults() {
        RuleParameters.FraudChecks none = new RuleParameters(null, null, null).checks();
        assertThat(none).isEqualTo(new RuleParameters.FraudChecks(3, 365, 365));
        RuleParameters.FraudChecks some =
                new RuleParameters(null, null, null, new RuleParameters.FraudChecks(5, null, 90)).checks();
        assertThat(some).isEqualTo(new RuleParameters.FraudChecks(5, 365, 90));
    }
}
