package cn.gov.lvliang.renewal.subsidy.claims;

import cn.gov.lvliang.renewal.platform.pii.PiiProtection;
import cn.gov.lvliang.renewal.platform.problem.Problems;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.function.Function;

/**
 * {@code Idempotency-Key} handling for claim creation, kept in the {@code idempotency_key} table
 * so that it holds across instances: the same key with the same body gets the first response, with
 * a different body 422, while the first request is still in flight 409.
 */
@ApplicationScoped
public class IdempotencyKeys {

    /** The request header that carries the key. */
    public static final String HEADER = "Idempotency-Key";

    private final EntityManager em;
    private final PiiProtection pii;
    private final ObjectMapper json;
    private final Clock clock;

    public IdempotencyKeys(EntityManager em, PiiProtection pii, ObjectMapper json, Clock clock) {
        this.em = em;
        this.pii = pii;
        this.json = json;
        this.clock = clock;
    }

    /** A key taken by this request, to be completed in the creating transaction. */
    public record Claimed(String caller, String key) {}

    /** The first response under a key, to be returned again. */
    public record Replay(int status, String body) {}

    /** What a request under a key gave: a fresh result, or the replay of the first response. */
    public record Outcome<T>(T fresh, Replay replay) {}

    /**
     * Runs {@code action} once per (caller, key, request): without a key it simply runs; with a key
     * seen before for the same request the first response is replayed; otherwise the key is taken,
     * the action runs with it (and must {@link #complete} it in its transaction), and a failure frees
     * the key again.
     *
     * @param key the header's value, or null
     */
    public <T> Outcome<T> once(String caller, String key, Object request, Function<Claimed, T> action) {
        if (key == null) {
            return new Outcome<>(action.apply(null), null);
        }
        if (key.isBlank() || key.length() > 100 || !key.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
            throw Problems.invalidField(HEADER, key, "field.idempotency-key");
        }
        // A keyed hash: the body holds personal data, so not even its plain digest is stored.
        Replay replay = begin(caller, key, pii.hash(toJson(request)));
        if (replay != null) {
            return new Outcome<>(null, replay);
        }
        Claimed claimed = new Claimed(caller, key);
        try {
            return new Outcome<>(action.apply(claimed), null);
        } catch (RuntimeException e) {
            abandon(claimed);
            throw e;
        }
    }

    /** Stores {@code body} as the response under the key, when there is one, in the creating transaction. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void completeIfClaimed(Claimed claimed, int status, Object body) {
        if (claimed != null) {
            complete(claimed, status, toJson(body));
        }
    }

    private String toJson(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

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
