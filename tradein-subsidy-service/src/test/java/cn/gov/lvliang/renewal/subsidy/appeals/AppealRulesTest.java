package cn.gov.lvliang.renewal.subsidy.appeals;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.gov.lvliang.renewal.platform.problem.ProblemException;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The appeal's own rules, as plain Java: who may decide, once, and when it is overdue. */
class AppealRulesTest {

    private static final Instant FILED = Instant.parse("2026-03-01T02:00:00Z");

    private static Appeal appeal() {
        return Appeal.filed(
                UUID.randomUUID(),
                Appeal.Appellant.FILER,
                "dealer-1",
                "reason",
                "reviewer-wang",
                FILED.minus(Duration.ofDays(2)),
                FILED);
    }

    @Test
    void theRejectingReviewerMayNotDecideAndNothingChanges() {
        Appeal appeal = appeal();
        assertThatThrownBy(() -> appeal.decide(true, "reviewer-wang", null, FILED))
                .isInstanceOf(ProblemException.class)
                .extracting(e -> ((ProblemException) e).status())
                .isEqualTo(403);
        assertThat(appeal.status).isEqualTo(Appeal.Status.APPEALED);
        assertThat(appeal.decidedBy).isNull();
    }

    @Test
    void anAppealIsDecidedOnce() {
        Appeal appeal = appeal();
        appeal.decide(false, "reviewer-li", "stands", FILED.plusSeconds(60));
        assertThat(appeal.status).isEqualTo(Appeal.Status.DISMISSED);
        assertThatThrownBy(() -> appeal.decide(true, "reviewer-zhao", null, FILED.plusSeconds(120)))
                .isInstanceOf(ProblemException.class)
                .extracting(e -> ((ProblemException) e).status())
                .isEqualTo(409);
        assertThat(appeal.status).isEqualTo(Appeal.Status.DISMISSED);
    }

    @Test
    void undecidedPast15DaysIsOverdueAndADecidedOneNever() {
        Appeal appeal = appeal();
        assertThat(appeal.decisionDue).isEqualTo(FILED.plus(Duration.ofDays(15)));
        assertThat(appeal.overdue(FILED.plus(Duration.ofDays(15)))).isFalse();
        assertThat(appeal.overdue(FILED.plus(Duration.ofDays(15)).plusSeconds(1)))
                .isTrue();
        appeal.decide(true, "reviewer-li", null, FILED.plus(Duration.ofDays(16)));
        assertThat(appeal.overdue(FILED.plus(Duration.ofDays(30)))).isFalse();
    }
}
