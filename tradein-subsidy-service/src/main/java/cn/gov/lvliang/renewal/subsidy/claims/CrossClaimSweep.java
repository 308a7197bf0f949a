package cn.gov.lvliang.renewal.subsidy.claims;

import cn.gov.lvliang.renewal.platform.jdbc.ScheduledRuns;
import cn.gov.lvliang.renewal.subsidy.programmes.RuleBook;
import cn.gov.lvliang.renewal.subsidy.programmes.RuleVersion;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * 夜间复查: the checks across claims run again every night over the recent claims, because a claim
 * filed today can make an older one suspicious (the fourth claim paying into one account flags the
 * first three too). Once a night across the service's instances (the night is claimed in {@code
 * scheduled_run}, decision 0033); each claim in a transaction of its own, so that a claim changed
 * meanwhile by a reviewer is simply taken up the next night. A newly raised flag is recorded as a
 * check in the claim's latest verification run and raised on the claim; a claim already flagged is
 * left alone (decision 0038).
 */
@ApplicationScoped
public class CrossClaimSweep {

    private static final Logger LOG = Logger.getLogger(CrossClaimSweep.class);
    static final String JOB = "cross-claim-sweep";

    private final EntityManager em;
    private final ClaimVerifier verifier;
    private final ClaimVerification verification;
    private final RuleBook rules;
    private final ScheduledRuns scheduledRuns;
    private final Clock clock;
    private final Duration window;

    public CrossClaimSweep(
            EntityManager em,
            ClaimVerifier verifier,
            ClaimVerification verification,
            RuleBook rules,
            ScheduledRuns scheduledRuns,
            Clock clock,
            @ConfigProperty(name = "suite.fraud.sweep-days", defaultValue = "365") int sweepDays) {
        this.em = em;
        this.verifier = verifier;
        this.verification = verification;
        this.rules = rules;
        this.scheduledRuns = scheduledRuns;
        this.clock = clock;
        this.window = Duration.ofDays(sweepDays);
    }

    @Scheduled(
            skipExecutionIf = Scheduled.ApplicationNotRunning.class,
            identity = JOB,
            cron = "{suite.fraud.sweep-cron}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void nightly() {
        if (scheduledRuns.claim(
                JOB,
                LocalDate.ofInstant(Instant.now(clock), ClaimVerifier.CHINA).toString())) {
            try {
                LOG.infof("cross-claim sweep: %d claims newly flagged", run());
            } catch (RuntimeException e) {
                LOG.warnf("cross-claim sweep failed (%s); it runs again next night", e.getMessage());
            }
        }
    }

    /**
     * Runs the checks across claims again over the claims filed within the sweep's window that share
     * a bank account or phone with another live claim and do not carry both flags yet.
     *
     * @return how many claims got a new flag
     */
    public int run() {
        List<UUID> candidates = QuarkusTransaction.requiringNew().call(this::candidates);
        int flagged = 0;
        for (UUID id : candidates) {
            try {
                if (QuarkusTransaction.requiringNew().call(() -> sweep(id))) {
                    flagged++;
                }
            } catch (RuntimeException e) {
                LOG.warnf("cross-claim sweep: claim %s skipped (%s)", id, e.getMessage());
            }
        }
        return flagged;
    }

    @SuppressWarnings("unchecked")
    private List<UUID> candidates() {
        return em.createNativeQuery("select c.id from claim c where c.submitted_at >= ?1"
                        + " and c.status not in ('SUBMITTED', 'VERIFYING', 'REJECTED', 'WITHDRAWN')"
                        + " and not (c.flags @> array['SHARED_BANK_ACCOUNT', 'SHARED_PHONE'])"
                        + " and (exists (select 1 from claim o where o.bank_account_hash = c.bank_account_hash"
                        + " and o.id <> c.id and o.status not in ('REJECTED', 'WITHDRAWN'))"
                        + " or exists (select 1 from claim o where o.applicant_phone_hash = c.applicant_phone_hash"
                        + " and o.id <> c.id and o.status not in ('REJECTED', 'WITHDRAWN')))"
                        + " order by c.submitted_at, c.id")
                .setParameter(1, Instant.now(clock).minus(window))
                .getResultList();
    }

    private boolean sweep(UUID id) {
        Claim claim = Claim.findById(id);
        List<CheckResult> raised =
                verifier.sharedContacts(claim, rules.parameters(RuleVersion.findById(claim.ruleVersionId))).stream()
                        .filter(r -> r.outcome() == CheckResult.Outcome.FLAGGED)
                        .filter(r -> !claim.flagList().contains(r.code()))
                        .toList();
        raised.forEach(r -> verification.recordEvidenceCheck(claim, r));
        return !raised.isEmpty();
    }
}
