package cn.gov.lvliang.renewal.subsidy.claims;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.gov.lvliang.renewal.platform.problem.ProblemException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/** No sequence of commands takes a claim to a forbidden state. */
class ClaimStateMachineTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2025-03-01T02:00:00Z"), ZoneOffset.UTC);
    private static final String MAKER = "clerk";
    private static final String CHECKER = "reviewer";

    enum Command {
        START,
        VERIFIED,
        REJECT_BY_CHECK,
        APPROVE,
        APPROVE_AS_MAKER,
        QUEUE,
        REJECT,
        RETURN,
        WITHDRAW,
        RESUBMIT,
        PAID,
        PAYMENT_FAILED_RETRY,
        PAYMENT_FAILED_RETURN,
        APPEAL,
        DISMISS_APPEAL,
        DISMISS_APPEAL_AS_MAKER
    }

    @Provide
    Arbitrary<List<Command>> commands() {
        return Arbitraries.of(Command.class).list().ofMaxSize(25);
    }

    @Property
    void noCommandSequenceReachesAForbiddenState(@ForAll("commands") List<Command> commands) {
        Claim claim = Claim.submitted(MAKER, CLOCK);
        claim.id = java.util.UUID.randomUUID();
        boolean everApprovedByChecker = false;
        for (Command command : commands) {
            ClaimStatus before = claim.status;
            try {
                apply(claim, command);
            } catch (ProblemException refused) {
                assertThat(claim.status).as("a refused command changes nothing").isEqualTo(before);
                continue;
            }
            assertThat(before == claim.status || before.canMoveTo(claim.status))
                    .as(before + " -> " + claim.status)
                    .isTrue();
            if (claim.status == ClaimStatus.APPROVED && before != ClaimStatus.APPROVED) {
                assertThat(claim.reviewedBy).isNotEqualTo(claim.submittedBy);
                everApprovedByChecker = true;
            }
            if (claim.status == ClaimStatus.PAID) {
                assertThat(everApprovedByChecker)
                        .as("paid only after a checker's approval")
                        .isTrue();
            }
            if (claim.status == ClaimStatus.REJECTED || claim.status == ClaimStatus.RETURNED) {
                assertThat(claim.reasonCode)
                        .as("rejections and returns carry a reason")
                        .isNotNull();
            }
            if (before.isFinal()) {
                assertThat(claim.status).isEqualTo(before);
            }
        }
        assertThat(claim.drainTransitions()).allSatisfy(t -> assertThat(t.actor).isNotBlank());
    }

    private static void apply(Claim claim, Command command) {
        switch (command) {
            case START -> claim.startVerification("system", CLOCK);
            case VERIFIED -> claim.verified(List.of(), CLOCK);
            case REJECT_BY_CHECK -> claim.rejectedByCheck(ReasonCode.GRADE_NOT_ELIGIBLE, "grade 3", CLOCK);
            case APPROVE -> claim.approve(CHECKER, CLOCK);
            case APPROVE_AS_MAKER -> claim.approve(MAKER, CLOCK);
            case QUEUE -> claim.queueForFunds(CHECKER, CLOCK);
            case REJECT -> claim.reject(CHECKER, ReasonCode.EVIDENCE_INSUFFICIENT, null, CLOCK);
            case RETURN -> claim.returnForCorrection(CHECKER, ReasonCode.DATA_INCORRECT, "fix", CLOCK);
            case WITHDRAW -> claim.withdraw(MAKER, CLOCK);
            case RESUBMIT -> claim.resubmit(MAKER, CLOCK);
            case PAID -> claim.paid(claim.amountFen, CLOCK);
            case PAYMENT_FAILED_RETRY -> claim.paymentFailed(true, "bank offline", CLOCK);
            case PAYMENT_FAILED_RETURN -> claim.paymentFailed(false, "account closed", CLOCK);
            case APPEAL -> claim.appeal(MAKER, "please review again", CLOCK);
            case DISMISS_APPEAL -> claim.appealDismissed(CHECKER, "stands", CLOCK);
            case DISMISS_APPEAL_AS_MAKER -> claim.appealDismissed(MAKER, "stands", CLOCK);
        }
    }

    @Test
    void theSubmitterCanNeverApprove() {
        Claim claim = Claim.submitted(MAKER, CLOCK);
        claim.startVerification("system", CLOCK);
        claim.verified(List.of(), CLOCK);
        assertThatThrownBy(() -> claim.approve(MAKER, CLOCK))
                .isInstanceOf(ProblemException.class)
                .extracting(e -> ((ProblemException) e).status())
                .isEqualTo(403);
        assertThat(claim.status).isEqualTo(ClaimStatus.PENDING_REVIEW);
    }

    @Test
    void deadlinesMakeAClaimOverdue() {
        Claim claim = Claim.submitted(MAKER, CLOCK);
        Instant submitted = CLOCK.instant();
        assertThat(claim.overdue(submitted.plus(Duration.ofDays(3)))).isFalse();
        assertThat(claim.overdue(submitted.plus(Duration.ofDays(3)).plusSeconds(1)))
                .isTrue();
        claim.startVerification("system", CLOCK);
        claim.verified(List.of(), CLOCK);
        assertThat(claim.overdue(submitted.plus(Duration.ofDays(15)))).isFalse();
        assertThat(claim.overdue(submitted.plus(Duration.ofDays(16)))).isTrue();
        claim.approve(CHECKER, CLOCK);
        assertThat(claim.overdue(submitted.plus(Duration.ofDays(30)))).isFalse();
        assertThat(claim.overdue(submitted.plus(Duration.ofDays(31)))).isTrue();
        claim.paid(100, CLOCK);
        assertThat(claim.overdue(submitted.plus(Duration.ofDays(400)))).isFalse();
    }
}
