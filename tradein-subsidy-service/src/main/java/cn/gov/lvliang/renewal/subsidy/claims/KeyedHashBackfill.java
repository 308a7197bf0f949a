package cn.gov.lvliang.renewal.subsidy.claims;

import cn.gov.lvliang.renewal.platform.pii.PiiProtection;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.function.BiFunction;
import org.jboss.logging.Logger;

/**
 * Fills the keyed hashes that later migrations added for claims filed before them: {@code
 * claim.applicant_phone_hash} (V12) and {@code claim.bank_account_hash} (V15). A hash is keyed by
 * the PII key, which the database never sees, so no SQL migration can. Runs at start-up in batches of
 * {@value #BATCH}, each its own transaction; rows already hashed are never touched, so a restart or a
 * second instance simply continues. A service start after V15 finds nothing to do, and finds it in
 * V29's partial indexes ({@code KeyedHashBackfillPlanTest}).
 */
@ApplicationScoped
class KeyedHashBackfill {

    private static final Logger LOG = Logger.getLogger(KeyedHashBackfill.class);
    private static final int BATCH = 500;

    /** A hash column, the encrypted column it is computed from, its encryption field and its hash. */
    record Column(String hash, String encrypted, String field, BiFunction<PiiProtection, String, String> hasher) {}

    static final List<Column> COLUMNS = List.of(
            new Column(
                    "applicant_phone_hash",
                    "applicant_phone_encrypted",
                    ApplicantData.APPLICANT_PHONE,
                    ApplicantData::phoneHash),
            new Column(
                    "bank_account_hash",
                    "bank_account_encrypted",
                    ApplicantData.BANK_ACCOUNT,
                    ApplicantData::bankAccountHash));

    private final EntityManager em;
    private final PiiProtection pii;

    KeyedHashBackfill(EntityManager em, PiiProtection pii) {
        this.em = em;
        this.pii = pii;
    }

    void onStart(@Observes StartupEvent start) {
        for (Column column : COLUMNS) {
            int total = 0;
            int done;
            do {
                done = QuarkusTransaction.requiringNew().call(() -> batch(column));
                total += done;
            } while (done == BATCH);
            if (total > 0) {
                LOG.infof("%s filled for %d claims", column.hash(), total);
            }
        }
    }

    /**
     * The next claims whose {@code column} is missing, locked for this batch: its predicate is
     * exactly that of the partial index V29 gives each column, so a start whose claims all have
     * their hashes reads an empty index, not the claim table.
     */
    static String pending(Column column) {
        // column names are the constants above, never input
        return "select id, " + column.encrypted() + " from claim where " + column.hash() + " is null and "
                + column.encrypted() + " is not null limit " + BATCH + " for update skip locked";
    }

    private int batch(Column column) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(pending(column)).getResultList();
        for (Object[] row : rows) {
            String plain = pii.decrypt((String) row[1], column.field());
            em.createNativeQuery("update claim set " + column.hash() + " = ?1 where id = ?2")
                    .setParameter(1, column.hasher().apply(pii, plain))
                    .setParameter(2, row[0])
                    .executeUpdate();
        }
        return rows.size();
    }
}
