package cn.gov.lvliang.renewal.subsidy.claims;

import cn.gov.lvliang.renewal.platform.pii.PiiProtection;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * Fills {@code claim.applicant_phone_hash} for claims filed before V12 added it: the hash is keyed by
 * the PII key, which the database never sees, so no SQL migration can. Runs at start-up in batches of
 * {@value #BATCH}, each its own transaction; rows already hashed are never touched, so a restart or a
 * second instance simply continues. A service start after V12 finds nothing to do.
 */
@ApplicationScoped
class PhoneHashBackfill {

    private static final Logger LOG = Logger.getLogger(PhoneHashBackfill.class);
    private static final int BATCH = 500;

    private final EntityManager em;
    private final PiiProtection pii;

    PhoneHashBackfill(EntityManager em, PiiProtection pii) {
        this.em = em;
        this.pii = pii;
    }

    void onStart(@Observes StartupEvent start) {
        int total = 0;
        int done;
        do {
            done = QuarkusTransaction.requiringNew().call(this::batch);
            total += done;
        } while (done == BATCH);
        if (total > 0) {
            LOG.infof("phone search hash filled for %d claims", total);
        }
    }

    private int batch() {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select id, applicant_phone_encrypted from claim where"
                        + " applicant_phone_hash is null and applicant_phone_encrypted is not null limit " + BATCH
                        + " for update skip locked")
                .getResultList();
        for (Object[] row : rows) {
            String phone = pii.decrypt((String) row[1], ClaimService.APPLICANT_PHONE);
            em.createNativeQuery("update claim set applicant_phone_hash = ?1 where id = ?2")
                    .setParameter(1, ClaimService.phoneHash(pii, phone))
                    .setParameter(2, row[0])
                    .executeUpdate();
        }
        return rows.size();
    }
}
