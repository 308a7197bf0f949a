package cn.gov.lvliang.renewal.subsidy.evidence;

import cn.gov.lvliang.renewal.platform.audit.AuditTrail;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * The evidence retention rule (材料保存期限) and the only code that deletes evidence:
 *
 * <ul>
 *   <li>A <b>paid</b> claim's evidence is kept {@code suite.evidence-retention.paid-years} after
 *       payment (default and minimum 5 years: a shorter setting stops the service at start).
 *   <li>A <b>rejected</b> (no appeal pending: an appealed claim is APPEALED) or <b>withdrawn</b>
 *       claim's evidence is kept {@code suite.evidence-retention.closed-years} after its last state
 *       change (default 3 years: past any appeal window, administrative reconsideration and suit).
 *   <li>Evidence of a claim in any other state (filed, under review, approved, returned, appealed)
 *       is never deleted, however old.
 * </ul>
 *
 * Each deleted document is an audit record ({@code DELETE evidence (retention)}), written in the
 * transaction that deletes its metadata; the objects no document refers to any more are deleted
 * from the store afterwards (a crash in between leaves objects without metadata, which the
 * reconciliation reports). Runs daily ({@code suite.evidence-retention.interval}).
 */
@ApplicationScoped
public class EvidenceRetention {

    /** The law's floor for paid claims: the rule never keeps them shorter. */
    public static final int PAID_MINIMUM_YEARS = 5;

    static final String ACTOR = "system:evidence-retention";
    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    private static final Logger LOG = Logger.getLogger(EvidenceRetention.class);

    private final EntityManager em;
    private final EvidenceStore store;
    private final AuditTrail audit;
    private final Clock clock;
    private final int paidYears;
    private final int closedYears;

    public EvidenceRetention(
            EntityManager em,
            EvidenceStore store,
            AuditTrail audit,
            Clock clock,
            @ConfigProperty(name = "suite.evidence-retention.paid-years", defaultValue = "5") int paidYears,
            @ConfigProperty(name = "suite.evidence-retention.closed-years", defaultValue = "3") int closedYears) {
        if (paidYears < PAID_MINIMUM_YEARS) {
            throw new IllegalStateException(
                    "suite.evidence-retention.paid-years must be at least " + PAID_MINIMUM_YEARS + ", is " + paidYears);
        }
        if (closedYears < 1) {
            throw new IllegalStateException("suite.evidence-retention.closed-years must be at least 1");
        }
        this.em = em;
        this.store = store;
        this.audit = audit;
        this.clock = clock;
        this.paidYears = paidYears;
        this.closedYears = closedYears;
    }

    /** What one run deleted. */
    public record Purge(int documents, int objects) {}

    @Scheduled(
            skipExecutionIf = Scheduled.ApplicationNotRunning.class,
            identity = "evidence-retention",
            every = "${suite.evidence-retention.interval:24h}",
            delayed = "5m",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        try {
            Purge purge = purge();
            if (purge.documents() > 0) {
                LOG.infof("Evidence retention deleted %d documents and %d objects", purge.documents(), purge.objects());
            }
        } catch (RuntimeException e) {
            LOG.warnf("Evidence retention failed (%s); it runs again at its next time", e.getMessage());
        }
    }

    /** Deletes the evidence the rule no longer keeps. */
    public Purge purge() {
        ZonedDateTime now = ZonedDateTime.ofInstant(Instant.now(clock), CHINA);
        Instant paidBefore = now.minusYears(paidYears).toInstant();
        Instant closedBefore = now.minusYears(closedYears).toInstant();
        Set<String> released = new LinkedHashSet<>();
        int documents = QuarkusTransaction.requiringNew().call(() -> {
            @SuppressWarnings("unchecked")
            List<Object[]> expired = em.createNativeQuery("select d.id, d.claim_id, d.sha256 from evidence_document d"
                            + " join claim c on c.id = d.claim_id"
                            + " where (c.status = 'PAID' and c.paid_at < ?1)"
                            + " or (c.status in ('REJECTED', 'WITHDRAWN') and (select max(t.at) from claim_transition t"
                            + " where t.claim_id = c.id) < ?2)"
                            + " order by d.claim_id, d.id for update of d")
                    .setParameter(1, paidBefore)
                    .setParameter(2, closedBefore)
                    .getResultList();
            for (Object[] row : expired) {
                UUID id = (UUID) row[0];
                UUID claimId = (UUID) row[1];
                em.createNativeQuery("delete from evidence_document where id = ?1")
                        .setParameter(1, id)
                        .executeUpdate();
                audit.record(new AuditTrail.Entry(
                        ACTOR,
                        "system",
                        null,
                        "DELETE evidence (retention)",
                        "/api/subsidies/claims/" + claimId + "/evidence/" + id,
                        200,
                        null));
                released.add((String) row[2]);
            }
            return expired.size();
        });
        int objects = 0;
        for (String sha256 : released) {
            boolean referenced = QuarkusTransaction.requiringNew()
                    .call(() -> !em.createNativeQuery("select 1 from evidence_document where sha256 = ?1")
                            .setParameter(1, sha256)
                            .setMaxResults(1)
                            .getResultList()
                            .isEmpty());
            if (!referenced) {
                try {
                    store.delete(sha256);
                    objects++;
                } catch (IOException e) {
                    LOG.warnf("Evidence object %s could not be deleted (%s): the reconciliation reports it", sha256, e);
                }
            }
        }
        return new Purge(documents, objects);
    }
}
