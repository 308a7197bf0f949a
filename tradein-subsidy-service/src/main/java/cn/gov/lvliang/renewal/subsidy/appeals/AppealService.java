package cn.gov.lvliang.renewal.subsidy.appeals;

import cn.gov.lvliang.renewal.platform.events.Outbox;
import cn.gov.lvliang.renewal.platform.problem.Problems;
import cn.gov.lvliang.renewal.platform.security.Caller;
import cn.gov.lvliang.renewal.platform.security.Roles;
import cn.gov.lvliang.renewal.subsidy.appeals.AppealViews.AppealDecision;
import cn.gov.lvliang.renewal.subsidy.appeals.AppealViews.AppealPage;
import cn.gov.lvliang.renewal.subsidy.appeals.AppealViews.AppealView;
import cn.gov.lvliang.renewal.subsidy.appeals.AppealViews.Decision;
import cn.gov.lvliang.renewal.subsidy.claims.Claim;
import cn.gov.lvliang.renewal.subsidy.claims.ClaimQueries;
import cn.gov.lvliang.renewal.subsidy.claims.ClaimReview;
import cn.gov.lvliang.renewal.subsidy.claims.ClaimStatus;
import cn.gov.lvliang.renewal.subsidy.claims.ClaimTransition;
import cn.gov.lvliang.renewal.subsidy.claims.ClaimVerification;
import cn.gov.lvliang.renewal.subsidy.messaging.ClaimAppealDecided;
import cn.gov.lvliang.renewal.subsidy.messaging.ClaimAppealed;
import cn.gov.lvliang.renewal.subsidy.messaging.SubsidyEvents;
import cn.gov.lvliang.renewal.subsidy.programmes.DepartmentScope;
import cn.gov.lvliang.renewal.subsidy.programmes.RuleVersion;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Use cases of appeals (复核): a rejected claim is appealed once, by its filer or its applicant,
 * within its rule version's window; a reviewer who did not reject it upholds it (the claim goes back
 * to review through the automatic checks) or dismisses it (final).
 */
@ApplicationScoped
public class AppealService {

    /** Who appealed in the claim's audit trail when the applicant did (no person's name). */
    public static final String APPLICANT_ACTOR = "applicant";

    private final ClaimQueries claims;
    private final ClaimVerification verification;
    private final ClaimReview review;
    private final Outbox outbox;
    private final EntityManager em;
    private final Clock clock;
    private final AtomicLong overdue = new AtomicLong();

    public AppealService(
            ClaimQueries claims,
            ClaimVerification verification,
            ClaimReview review,
            Outbox outbox,
            EntityManager em,
            Clock clock,
            MeterRegistry metrics) {
        this.claims = claims;
        this.verification = verification;
        this.review = review;
        this.outbox = outbox;
        this.em = em;
        this.clock = clock;
        metrics.gauge("subsidy.appeals.overdue", overdue);
    }

    /** 申请复核 by the claim's filer (dealer, retailer, county clerk). */
    @Transactional
    public AppealView appealAsFiler(UUID claimId, String reason, Caller caller) {
        Claim claim = claims.fileableClaim(claimId, caller);
        return file(claim, Appeal.Appellant.FILER, caller.subject(), reason);
    }

    /** 申请复核 by the applicant, whose claim number and ID number were verified already. */
    @Transactional(Transactional.TxType.MANDATORY)
    public AppealView appealAsApplicant(Claim claim, String reason) {
        return file(claim, Appeal.Appellant.APPLICANT, APPLICANT_ACTOR, reason);
    }

    private AppealView file(Claim claim, Appeal.Appellant appellant, String actor, String reason) {
        if (Appeal.findById(claim.id) != null) {
            throw Problems.conflict("appeal-once", "detail.appeal-once", claim.claimNumber);
        }
        if (claim.status != ClaimStatus.REJECTED) {
            throw Problems.conflict("claim-state", "detail.claim-state", claim.id, claim.status, "appeal");
        }
        ClaimTransition rejection = lastRejection(claim);
        Instant now = Instant.now(clock);
        Instant windowEnd = windowEnd(claim, rejection.at);
        if (now.isAfter(windowEnd)) {
            throw Problems.unprocessable(
                    "appeal-window-closed", "detail.appeal-window-closed", claim.claimNumber, windowEnd);
        }
        Appeal appeal = Appeal.filed(claim.id, appellant, actor, reason.strip(), rejection.actor, rejection.at, now);
        appeal.persist();
        claim.appeal(actor, appeal.reason, clock);
        review.recordTransitions(claim);
        em.flush();
        outbox.publish(
                SubsidyEvents.TOPIC,
                claim.id.toString(),
                SubsidyEvents.CLAIM_APPEALED,
                new ClaimAppealed(
                        claim.id,
                        claim.claimNumber,
                        claim.programmeId,
                        claim.county,
                        appellant.name(),
                        claim.reasonCode == null ? null : claim.reasonCode.name(),
                        now,
                        appeal.decisionDue));
        return view(appeal, claim);
    }

    private static ClaimTransition lastRejection(Claim claim) {
        return ClaimTransition.<ClaimTransition>find(
                        "claimId = ?1 and toStatus = ?2 order by at desc, id desc", claim.id, ClaimStatus.REJECTED)
                .firstResult();
    }

    /** Until when a rejected claim may still be appealed; empty when it may not (any more). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<Instant> appealableUntil(Claim claim) {
        if (claim.status != ClaimStatus.REJECTED || Appeal.findById(claim.id) != null) {
            return Optional.empty();
        }
        Instant end = windowEnd(claim, lastRejection(claim).at);
        return Instant.now(clock).isAfter(end) ? Optional.empty() : Optional.of(end);
    }

    /** The last moment the claim's rejection may be appealed: its rule version's window after it. */
    private static Instant windowEnd(Claim claim, Instant rejectedAt) {
        RuleVersion version = RuleVersion.findById(claim.ruleVersionId);
        return rejectedAt.plus(Duration.ofDays(version.appealWindowDays));
    }

    /** The claim's appeal, if it has one. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Appeal of(UUID claimId) {
        return Appeal.findById(claimId);
    }

    /** 复核决定 by a reviewer in scope who did not reject the claim (403 otherwise). */
    @Transactional
    public AppealView decide(UUID claimId, AppealDecision decision, Caller caller) {
        Claim claim = claims.reviewableClaim(claimId, caller);
        Appeal appeal = Appeal.findById(claimId);
        if (appeal == null) {
            throw Problems.notFound("resource.appeal", claim.claimNumber);
        }
        Instant now = Instant.now(clock);
        boolean wasOverdue = appeal.overdue(now);
        boolean upheld = decision.decision() == Decision.UPHOLD;
        appeal.decide(upheld, caller.subject(), decision.note(), now);
        if (upheld) {
            verification.verifyAgain(claim, caller.subject());
        } else {
            claim.appealDismissed(caller.subject(), decision.note(), clock);
            review.recordTransitions(claim);
        }
        em.flush();
        outbox.publish(
                SubsidyEvents.TOPIC,
                claim.id.toString(),
                SubsidyEvents.CLAIM_APPEAL_DECIDED,
                new ClaimAppealDecided(
                        claim.id,
                        claim.claimNumber,
                        claim.programmeId,
                        claim.county,
                        appeal.status.name(),
                        now,
                        wasOverdue));
        return view(appeal, claim);
    }

    /**
     * Appeals in the supervisor's scope, oldest due first: a county reviewer its county, city-wide
     * reviewers, city admins and auditors all. {@code overdue}: undecided past the due date.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public AppealPage list(Caller caller, Appeal.Status status, Boolean overdueOnly, int page, int size) {
        // a county the directory does not know is refused (403 unknown-scope), as the claims' scope does
        DepartmentScope.requireKnownCounty(caller);
        StringBuilder where = new StringBuilder("c.id = a.claimId");
        Map<String, Object> parameters = new HashMap<>();
        if (caller.hasRole(Roles.REVIEWER) && caller.county().isPresent()) {
            where.append(" and c.county = :county");
            parameters.put("county", caller.county().get());
        }
        if (status != null) {
            where.append(" and a.status = :status");
            parameters.put("status", status);
        }
        Instant now = Instant.now(clock);
        if (Boolean.TRUE.equals(overdueOnly)) {
            where.append(" and a.status = :open and a.decisionDue < :now");
            parameters.put("open", Appeal.Status.APPEALED);
            parameters.put("now", now);
        }
        TypedQuery<Long> count = em.createQuery("select count(a) from Appeal a, Claim c where " + where, Long.class);
        TypedQuery<Object[]> found = em.createQuery(
                "select a, c from Appeal a, Claim c where " + where + " order by a.decisionDue, a.claimId",
                Object[].class);
        parameters.forEach((name, value) -> {
            count.setParameter(name, value);
            found.setParameter(name, value);
        });
        List<AppealView> items = found.setFirstResult(page * size).setMaxResults(size).getResultList().stream()
                .map(row -> view((Appeal) row[0], (Claim) row[1]))
                .toList();
        refreshOverdue();
        return new AppealPage(items, count.getSingleResult(), page, size);
    }

    /** Counts the overdue appeals into the gauge {@code subsidy_appeals_overdue}. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public long refreshOverdue() {
        long count = Appeal.count("status = ?1 and decisionDue < ?2", Appeal.Status.APPEALED, Instant.now(clock));
        overdue.set(count);
        return count;
    }

    private AppealView view(Appeal a, Claim claim) {
        return new AppealView(
                a.claimId,
                claim.claimNumber,
                a.status,
                a.appellant,
                a.reason,
                a.appealedAt,
                a.decisionDue,
                a.overdue(Instant.now(clock)),
                a.rejectedBy,
                a.decidedBy,
                a.decidedAt,
                a.decisionNote,
                claim.status);
    }
}
