package cn.gov.lvliang.renewal.subsidy.claims;

import cn.gov.lvliang.renewal.platform.problem.ProblemException;
import cn.gov.lvliang.renewal.platform.problem.Problems;
import cn.gov.lvliang.renewal.platform.security.Caller;
import cn.gov.lvliang.renewal.subsidy.budget.BudgetLedger;
import cn.gov.lvliang.renewal.subsidy.claims.ClaimViews.ClaimView;
import cn.gov.lvliang.renewal.subsidy.claims.ClaimViews.EvidenceKindView;
import cn.gov.lvliang.renewal.subsidy.claims.ClaimViews.EvidenceState;
import cn.gov.lvliang.renewal.subsidy.claims.ClaimViews.Review;
import cn.gov.lvliang.renewal.subsidy.programmes.Programme;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.List;
import java.util.UUID;

/**
 * 审核: a reviewer's decisions on a claim in their scope, at the version they read, never on a claim
 * they filed (maker-checker): approve (reserving the amount in the budget, or queueing for funds),
 * reject, or return for correction. Queued claims are approved when money arrives.
 */
@ApplicationScoped
public class ClaimReview {

    private final BudgetLedger ledger;
    private final ClaimEvents events;
    private final ClaimVerification verification;
    private final ClaimViewMapper views;
    private final EntityManager em;
    private final Clock clock;

    public ClaimReview(
            BudgetLedger ledger,
            ClaimEvents events,
            ClaimVerification verification,
            ClaimViewMapper views,
            EntityManager em,
            Clock clock) {
        this.ledger = ledger;
        this.events = events;
        this.verification = verification;
        this.views = views;
        this.em = em;
        this.clock = clock;
    }

    /** 审核通过: reserves the amount in the budget, or queues / refuses as the programme says. */
    @Transactional(dontRollbackOn = ProblemException.class)
    public ClaimView approve(UUID id, Review review, Caller caller) {
        Claim claim = reviewable(id, caller, review);
        if (claim.status != ClaimStatus.PENDING_REVIEW) {
            throw Problems.conflict("claim-state", "detail.claim-state", id, claim.status, "approve");
        }
        // read before the budget row is locked, which the reservation holds until commit
        ClaimViewMapper.Evidence evidenceNow = views.evidenceOf(claim);
        requireEvidence(claim, evidenceNow.completeness());
        Programme programme = Programme.findById(claim.programmeId);
        if (ledger.reserve(
                programme, claim.county, BudgetLedger.Purpose.claim(claim.id), claim.amountFen, caller.subject())) {
            claim.approve(caller.subject(), clock);
            ClaimTransition.recordAll(claim);
            events.approved(claim);
        } else if (programme.whenExhausted == Programme.WhenExhausted.QUEUE) {
            claim.queueForFunds(caller.subject(), clock);
            ClaimTransition.recordAll(claim);
        } else {
            // The claim stays pending review; the budget.exhausted announcement is kept.
            throw Problems.conflict("budget-exhausted", "detail.budget-exhausted", claim.programmeId, claim.county);
        }
        em.flush();
        return views.view(claim, ClaimViewMapper.checksOf(claim), evidenceNow);
    }

    /** 驳回: frees the certificate, invoice, serial number and new VIN the claim held. */
    @Transactional
    public ClaimView reject(UUID id, Review review, Caller caller) {
        Claim claim = reviewable(id, caller, review);
        claim.reject(caller.subject(), review.reasonCode(), review.note(), clock);
        verification.releaseUses(claim);
        ClaimTransition.recordAll(claim);
        events.rejected(claim);
        em.flush();
        return views.view(claim);
    }

    /** 退回补正: the filer corrects and resubmits. */
    @Transactional
    public ClaimView returnForCorrection(UUID id, Review review, Caller caller) {
        Claim claim = reviewable(id, caller, review);
        claim.returnForCorrection(caller.subject(), review.reasonCode(), review.note(), clock);
        ClaimTransition.recordAll(claim);
        events.returned(claim);
        em.flush();
        return views.view(claim);
    }

    /** Writes the claim's pending state changes to its audit trail (claim_transition): appeals' decisions. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void recordTransitions(Claim claim) {
        ClaimTransition.recordAll(claim);
    }

    /** Funds queued claims, first approved first, when money arrives. */
    void onFundsAllocated(@Observes BudgetLedger.FundsAllocated allocated) {
        List<Claim> queued = Claim.list(
                "programmeId = ?1 and county = ?2 and status = ?3 order by reviewedAt, id",
                allocated.programmeId(),
                allocated.county(),
                ClaimStatus.QUEUED);
        Programme programme = Programme.findById(allocated.programmeId());
        for (Claim claim : queued) {
            if (!ledger.reserve(
                    programme, claim.county, BudgetLedger.Purpose.claim(claim.id), claim.amountFen, "system")) {
                return;
            }
            claim.approve(claim.reviewedBy, clock);
            ClaimTransition.recordAll(claim);
            events.approved(claim);
        }
    }

    /** A claim the caller may review, at the version the reviewer read. */
    private static Claim reviewable(UUID id, Caller caller, Review review) {
        Claim claim = ClaimQueries.scopedAt(id, ClaimScope.reviewable(caller), review.version());
        claim.requireReviewerIsNotSubmitter(caller.subject());
        return claim;
    }

    /**
     * 材料齐全: every kind of evidence the claim's rule version requires is uploaded or waived;
     * otherwise 409 naming the missing kinds.
     */
    private static void requireEvidence(Claim claim, List<EvidenceKindView> completeness) {
        List<String> missing = completeness.stream()
                .filter(k -> k.state() == EvidenceState.MISSING)
                .map(EvidenceKindView::kind)
                .toList();
        if (!missing.isEmpty()) {
            throw Problems.conflict(
                    "evidence-missing", "detail.evidence-missing", claim.id, String.join(", ", missing));
        }
    }
}
