package cn.gov.lvliang.renewal.subsidy.claims;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class RiskSummaryTest {

    @Test
    void noFlagIsLow() {
        RiskSummary risk = RiskSummary.of(List.of());
        assertThat(risk.level()).isEqualTo(RiskLevel.LOW);
        assertThat(risk.reasons()).isEmpty();
    }

    @Test
    void oneOrdinaryFlagIsMediumAndTwoAreHigh() {
        assertThat(RiskSummary.of(List.of("PRICE_ANOMALY")).level()).isEqualTo(RiskLevel.MEDIUM);
        assertThat(RiskSummary.of(List.of("SHARED_PHONE")).level()).isEqualTo(RiskLevel.MEDIUM);
        assertThat(RiskSummary.of(List.of("PRICE_ANOMALY", "ADDRESS_CONCENTRATION"))
                        .level())
                .isEqualTo(RiskLevel.HIGH);
    }

    @Test
    void aKnownFraudPatternIsHighOnItsOwnWithItsReason() {
        RiskSummary risk = RiskSummary.of(List.of("SHARED_BANK_ACCOUNT"));
        assertThat(risk.level()).isEqualTo(RiskLevel.HIGH);
        assertThat(risk.reasons()).singleElement().satisfies(r -> {
            assertThat(r.flag()).isEqualTo("SHARED_BANK_ACCOUNT");
            assertThat(r.level()).isEqualTo(RiskLevel.HIGH);
            assertThat(r.description()).contains("同一收款账户");
        });
        assertThat(RiskSummary.of(List.of("ZERO_MILEAGE_RESALE")).level()).isEqualTo(RiskLevel.HIGH);
        assertThat(RiskSummary.of(List.of("RECOVERY_REVIEW")).level()).isEqualTo(RiskLevel.HIGH);
    }

    @Test
    void anUnknownFlagCountsAsMedium() {
        RiskSummary risk = RiskSummary.of(List.of("SOMETHING_NEW"));
        assertThat(risk.level()).isEqualTo(RiskLevel.MEDIUM);
        assertThat(risk.reasons()).extracting(RiskSummary.Reason::flag).containsExactly("SOMETHING_NEW");
    }
}
