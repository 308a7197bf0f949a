package cn.gov.lvliang.renewal.subsidy.claims;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class GroupLimitRuleTest {

    @Test
    void theFirstClaimInTheGroupPasses() {
        CheckResult result = GroupLimitRule.evaluate("CAR", 1, 2025, List.of());
        assertThat(result.outcome()).isEqualTo(CheckResult.Outcome.PASSED);
        assertThat(result.evidence()).isEqualTo("0 earlier claim(s) in limit group CAR in 2025, limit 1");
    }

    @Test
    void aClaimBeyondTheGroupLimitFailsNamingTheEarlierClaimsOfAnyProgramme() {
        CheckResult result = GroupLimitRule.evaluate("CAR", 1, 2025, List.of("LL-141124-2025-000007 (CAR-SCRAPPAGE)"));
        assertThat(result.outcome()).isEqualTo(CheckResult.Outcome.FAILED);
        assertThat(result.reasonCode()).isEqualTo(ReasonCode.PER_PERSON_LIMIT_REACHED);
        assertThat(result.evidence()).endsWith("limit 1: LL-141124-2025-000007 (CAR-SCRAPPAGE)");
    }

    @Test
    void aLimitOfTwoAllowsASecondClaim() {
        assertThat(GroupLimitRule.evaluate("CAR", 2, 2025, List.of("A (P)")).outcome())
                .isEqualTo(CheckResult.Outcome.PASSED);
        assertThat(GroupLimitRule.evaluate("CAR", 2, 2025, List.of("A (P)", "B (Q)"))
                        .outcome())
                .isEqualTo(CheckResult.Outcome.FAILED);
    }
}
