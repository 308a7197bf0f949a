package cn.gov.lvliang.renewal.subsidy.claims;

import cn.gov.lvliang.renewal.platform.problem.Problems;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * {@code Idempotency-Key} handling for claim creation, kept in the {@code idempotency_key} table
 * so that it holds across instances: the same key with the same body gets the first response, with
 * a different body 422, while the first request is still in flight 409.
 */
@ApplicationScoped
public class IdempotencyKeys {

    private final EntityManager em;
    private final Clock clock;

    public IdempotencyKeys(EntityManager em, Clock clock) {
        this.em = em;
        this.clock = clock;
    }

    /** A key taken by this request, to be completed in the creating transaction. */
    public record Claimed(String caller, String key) {}

    /** The first response under a key, to be returned again. */
    public record Replay(int status, String body) {}

    /**
     * Takes the key in its own, committed transaction.
     *
     * @return the first response when the key was already used for the same request, else null
     *     (the caller proceeds and must {@link #complete} or {@link #abandon})
     */
    public Replay begin(String caller, String key, String requestHash) {
        return QuarkusTransaction.requiringNew().call(() -> {
            int inserted = em.createNativeQuery("insert into idempotency_key (caller, idempotency_key, request_hash,"
                            + " state, created_at) values (?1, ?2, ?3, 'IN_FLIGHT', ?4) on conflict do nothing")
                    .setParameter(1, caller)
                    .setParameter(2, key)
                    .setParameter(3, requestHash)
                    .setParameter(4, Instant.now(clock))
                    .executeUpdate();
            if (inserted == 1) {
                return null;
            }
            @SuppressWarnings("unchecked")
            List<Object[]> rows = em.createNativeQuery("select request_hash, state, response_status, response_body"
                            + " from idempotency_key where caller = ?1 and idempotency_key = ?2")
                    .setParameter(1, caller)
                    .setParameter(2, key)
                    .getResultList();
            if (rows.isEmpty()) {
                // abandoned in between: the caller may simply retry
                throw Problems.conflict("idempotency-in-flight", "detail.idempotency-in-flight", key);
            }
            Object[] row = rows.get(0);
            if ("IN_FLIGHT".equals(row[1])) {
                throw Problems.conflict("idempotency-in-flight", "detail.idempotency-in-flight", key);
            }
            if (!requestHash.equals(row[0])) {
                throw Problems.unprocessable("idempotency-key-reused", "detail.idempotency-key-reused", key);
            }
            return new Replay(((Number) row[2]).intValue(), (String) row[3]);
        });
    }

    /** Stores the response, in the transaction that created the resource. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void complete(Claimed claimed, int status, String body) {
        em.createNativeQuery("update idempotency_key set state = 'DONE', response_status = ?1, response_body = ?2"
                        + " where caller = ?3 and idempotency_key = ?4")
                .setParameter(1, status)
                .setParameter(2, body)
                .setParameter(3, claimed.caller())
                .setParameter(4, claimed.key())
                .executeUpdate();
    }

    /** Frees a key whose request failed, so that it can be retried. */
    public void abandon(Claimed claimed) {
        QuarkusTransaction.requiringNew()
                .run(() -> em.createNativeQuery("delete from idempotency_key where caller = ?1 and idempotency_key = ?2"
                                + " and state = 'IN_FLIGHT'")
                        .setParameter(1, claimed.caller())
                        .setParameter(2, claimed.key())
                        .executeUpdate());
    }
}
