package cn.gov.lvliang.renewal.subsidy.claims;

import cn.gov.lvliang.renewal.subsidy.certificates.CertificateChanged;
import cn.gov.lvliang.renewal.subsidy.certificates.CertificatesChanged;
import cn.gov.lvliang.renewal.subsidy.certificates.ScrapCertificateRecord;
import cn.gov.lvliang.renewal.subsidy.programmes.RuleBook;
import cn.gov.lvliang.renewal.subsidy.programmes.RuleParameters;
import cn.gov.lvliang.renewal.subsidy.programmes.RuleVersion;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import jakarta.persistence.FlushModeType;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * 自动核验 as runs: runs the automatic checks ({@link ClaimVerifier}) as a claim's next run, records
 * every result (claim_check), and moves the claim on (pending review, waiting for its certificate,
 * or rejected with the failing check's reason). Also the checks recorded later (e-invoice, nightly
 * sweep, zero-mileage resale), the certificates' changes, and the uses (certificate, invoice,
 * serial number, new VIN) a claim gives back when it leaves the process.
 */
@ApplicationScoped
public class ClaimVerification {

    private static final int FIRST_RUN = 1;

    private final ClaimVerifier verifier;
    private final RuleBook rules;
    private final ClaimEvents events;
    private final EntityManager em;
    private final Clock clock;

    public ClaimVerification(
            ClaimVerifier verifier, RuleBook rules, ClaimEvents events, EntityManager em, Clock clock) {
        this.verifier = verifier;
        this.rules = rules;
        this.events = events;
        this.em = em;
        this.clock = clock;
    }

    /**
     * A new claim's first run, as the system; returns its records (a new claim has no others).
     *
     * <p>The claim's row is stored already (the uses' foreign key needs it); its moves through
     * VERIFYING to its outcome are written by one update at the end. The checks' queries would
     * otherwise flush the VERIFYING state first (Hibernate flushes before a native query), a second
     * update nobody can see; they read other claims only ({@code id <> ?}), and nothing else in this
     * new claim's session is changed meanwhile.
     */
    List<ClaimCheck> firstRun(Claim claim, RuleParameters parameters) {
        FlushModeType flushMode = em.getFlushMode();
        em.setFlushMode(FlushModeType.COMMIT);
        try {
            claim.startVerification("system", clock);
            List<ClaimCheck> checks = run(claim, parameters, FIRST_RUN);
            em.flush();
            return checks;
        } finally {
            em.setFlushMode(flushMode);
        }
    }

    /** Starts verification again by {@code actor} and runs the checks as the claim's next run. */
    void nextRun(Claim claim, String actor) {
        claim.startVerification(actor, clock);
        run(claim);
    }

    /**
     * 复核成立: an upheld appeal sends the claim back to review. The automatic checks run again as a
     * new run (the rejection gave back its certificate, invoice and serial number, which are claimed
     * again here); the claim then waits for a reviewer, or is rejected again by a failing check.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void verifyAgain(Claim claim, String actor) {
        nextRun(claim, actor);
    }

    /**
     * Records a check made after verification (the e-invoice cross-check, the nightly cross-claim
     * sweep) in the claim's latest verification run; a flagged check raises its flag on the claim.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void recordEvidenceCheck(Claim claim, CheckResult result) {
        Integer last = lastRun(claim);
        record(claim, last == null ? FIRST_RUN : last, result, Instant.now(clock));
        if (result.outcome() == CheckResult.Outcome.FLAGGED) {
            claim.raiseFlag(result.code());
        }
    }

    /**
     * Certificates arrived, were corrected or voided (one poll of recycling-service's stream): verify
     * again the claims that wait for them or use them. One query finds the claims of every
     * certificate of the poll; the changes are then applied in their order, each to the claims of its
     * certificate that are still waiting, under review or queued.
     */
    void onCertificatesChanged(@Observes CertificatesChanged changed) {
        Set<ClaimStatus> open = EnumSet.of(ClaimStatus.VERIFYING, ClaimStatus.PENDING_REVIEW, ClaimStatus.QUEUED);
        List<Claim> affected =
                Claim.list("scrapCertificateNumber in ?1 and status in ?2", changed.certificateNumbers(), open);
        if (affected.isEmpty()) {
            return;
        }
        for (CertificateChanged change : changed.changes()) {
            for (Claim claim : affected) {
                if (!change.certificateNumber().equals(claim.scrapCertificateNumber) || !open.contains(claim.status)) {
                    continue;
                }
                if (claim.status == ClaimStatus.VERIFYING) {
                    run(claim);
                } else if (change.status() == ScrapCertificateRecord.Status.VOIDED) {
                    rejectByCheck(
                            claim,
                            ReasonCode.CERTIFICATE_NOT_VALID,
                            "CERTIFICATE_VALID: certificate " + change.certificateNumber() + " was voided");
                }
            }
        }
    }

    /** Gives back every use the claim holds (certificate, invoice, serial number, new VIN). */
    void releaseUses(Claim claim) {
        em.createNativeQuery("delete from claim_unique_use where claim_id = ?1")
                .setParameter(1, claim.id)
                .executeUpdate();
    }

    /** Gives back the claim's invoice number, so that the uniqueness check runs on a corrected one. */
    void releaseInvoice(Claim claim) {
        em.createNativeQuery("delete from claim_unique_use where claim_id = ?1 and kind = 'INVOICE'")
                .setParameter(1, claim.id)
                .executeUpdate();
    }

    /** Runs the checks as the claim's next run under its rule version. */
    private void run(Claim claim) {
        RuleParameters parameters = rules.parameters(RuleVersion.findById(claim.ruleVersionId));
        Integer last = lastRun(claim);
        run(claim, parameters, last == null ? FIRST_RUN : last + 1);
    }

    private static Integer lastRun(Claim claim) {
        return ClaimCheck.find("select max(run) from ClaimCheck where claimId = ?1", claim.id)
                .project(Integer.class)
                .firstResult();
    }

    /** Runs the checks as run {@code run}, records them, moves the claim accordingly, and returns the records. */
    private List<ClaimCheck> run(Claim claim, RuleParameters parameters, int run) {
        List<CheckResult> results = verifier.verify(claim, parameters);
        Instant now = Instant.now(clock);
        List<ClaimCheck> checks = new ArrayList<>();
        for (CheckResult result : results) {
            checks.add(record(claim, run, result, now));
        }
        CheckResult failed = results.stream()
                .filter(r -> r.outcome() == CheckResult.Outcome.FAILED)
                .findFirst()
                .orElse(null);
        if (failed != null) {
            rejectByCheck(claim, failed.reasonCode(), failed.code() + ": " + failed.evidence());
        } else if (results.stream().anyMatch(r -> r.outcome() == CheckResult.Outcome.WAITING)) {
            claim.waitForCertificate();
            ClaimTransition.recordAll(claim);
        } else {
            claim.verified(
                    results.stream()
                            .filter(r -> r.outcome() == CheckResult.Outcome.FLAGGED)
                            .map(CheckResult::code)
                            .toList(),
                    clock);
            ClaimTransition.recordAll(claim);
            events.verified(claim);
        }
        return checks;
    }

    private static ClaimCheck record(Claim claim, int run, CheckResult result, Instant at) {
        ClaimCheck check = new ClaimCheck();
        check.claimId = claim.id;
        check.run = run;
        check.code = result.code();
        check.outcome = result.outcome();
        check.reasonCode = result.reasonCode();
        check.evidence = result.evidence();
        check.checkedAt = at;
        check.persist();
        return check;
    }

    private void rejectByCheck(Claim claim, ReasonCode reason, String evidence) {
        claim.rejectedByCheck(reason, evidence, clock);
        releaseUses(claim);
        ClaimTransition.recordAll(claim);
        events.rejected(claim);
    }
}
