package cn.gov.lvliang.renewal.subsidy.notices;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.gov.lvliang.renewal.subsidy.claims.ReasonCode;
import org.junit.jupiter.api.Test;

/** The templates are data: every kind renders on both channels, with nothing left unfilled. */
class NoticeTemplatesTest {

    private final NoticeTemplates templates = new NoticeTemplates();
    private final NoticeTemplates.Variables variables =
            new NoticeTemplates.Variables("LL-2025-000123", 123_450, ReasonCode.GRADE_NOT_ELIGIBLE, "2025-06-30");

    @Test
    void everyKindRendersOnBothChannelsWithEveryPlaceholderFilled() {
        for (NoticeKind kind : NoticeKind.values()) {
            String sms = templates.sms(kind, variables);
            NoticeTemplates.Email email = templates.email(kind, variables);
            assertThat(sms).startsWith("【吕梁以旧换新】").contains("LL-2025-000123").doesNotContain("{");
            assertThat(email.subject()).contains("LL-2025-000123").doesNotContain("{");
            assertThat(email.body()).contains("LL-2025-000123").doesNotContain("{");
        }
    }

    @Test
    void aRejectionSaysWhyAndHowToAppealAndAPaymentSaysHowMuchAndWhen() {
        assertThat(templates.sms(NoticeKind.REJECTED, variables))
                .contains("能效等级不符合补贴条件")
                .contains("复核申请");
        assertThat(templates.sms(NoticeKind.RETURNED, variables)).contains("补正").contains("能效等级不符合补贴条件");
        assertThat(templates.sms(NoticeKind.PAID, variables))
                .contains("1234.50元")
                .contains("2025-06-30");
    }

    @Test
    void everyReasonCodeHasAText() {
        for (ReasonCode reason : ReasonCode.values()) {
            assertThat(templates.sms(NoticeKind.REJECTED, new NoticeTemplates.Variables("X", 0, reason, null)))
                    .doesNotContain("reason.");
        }
    }

    @Test
    void aTemplateNamingAVariableThatIsNotOfferedIsAnError() {
        assertThatThrownBy(() -> templates.render("{idNumber}", variables))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("idNumber");
    }

    @Test
    void amountsAreYuanWithFenOnlyWhenThereAreAny() {
        assertThat(NoticeTemplates.yuan(100_000)).isEqualTo("1000");
        assertThat(NoticeTemplates.yuan(5)).isEqualTo("0.05");
    }
}
