package cn.gov.lvliang.renewal.subsidy.publicstatus;

import cn.gov.lvliang.renewal.platform.pii.PiiProtection;
import cn.gov.lvliang.renewal.platform.problem.ProblemException;
import cn.gov.lvliang.renewal.subsidy.claims.Claim;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The applicant's proof (claim number + ID number) on the public endpoints, with the lockout:
 *
 * <ul>
 *   <li>A wrong ID number and an unknown claim number get the same problem (no claim number in
 *       it), after the same work: the claim is looked up, the ID number's keyed hash computed and
 *       compared in constant time (against a placeholder when there is no claim), the failure
 *       recorded.
 *   <li>Every failed try counts against the claim number, known or not (so that the lockout tells
 *       nothing either). {@value #MAX_FAILURES} failures within {@link #WINDOW} lock the number for
 *       {@link #LOCK}: every try is then refused with 429, the right ID number too.
 *   <li>The state is in PostgreSQL ({@code public_lookup_guard}, locked {@code for update} per
 *       number, and {@code public_lookup_failure}), so it holds across replicas.
 * </ul>
 *
 * The caller's transaction must commit when this throws (the failure must count): {@code
 * dontRollbackOn = ProblemException.class}.
 */
@ApplicationScoped
public class ApplicantVerification {

    static final int MAX_FAILURES = 10;
    static final Duration WINDOW = Duration.ofMinutes(15);
    static final Duration LOCK = Duration.ofMinutes(15);
    /** Compared with when no claim has the number: as long as a real hash, never equal to one. */
    private static final byte[] NO_CLAIM = "-".repeat(64).getBytes(StandardCharsets.US_ASCII);

    private final PiiProtection pii;
    private final EntityManager em;
    private final Clock clock;

    public ApplicantVerification(PiiProtection pii, EntityManager em, Clock clock) {
        this.pii = pii;
        this.em = em;
        this.clock = clock;
    }

    /**
     * The claim with this number, when the ID number is its applicant's.
     *
     * @throws ProblemException 404 {@code no-matching-claim} (wrong ID number or unknown claim, the
     *     same), 429 {@code lookup-locked}
     */
    @Transactional(value = Transactional.TxType.MANDATORY, dontRollbackOn = ProblemException.class)
    public Claim verify(String claimNumber, String idNumber) {
        Instant now = Instant.now(clock);
        em.createNativeQuery("insert into public_lookup_guard (claim_number) values (?1) on conflict do nothing")
                .setParameter(1, claimNumber)
                .executeUpdate();
        Boolean locked =
                (Boolean) em.createNativeQuery("select coalesce(locked_until > ?1, false) from public_lookup_guard"
                                + " where claim_number = ?2 for update")
                        .setParameter(1, now)
                        .setParameter(2, claimNumber)
                        .getSingleResult();
        if (locked) {
            throw new ProblemException(429, "lookup-locked", "detail.lookup-locked", List.of(), LOCK.toMinutes());
        }
        Claim claim = Claim.<Claim>find("claimNumber", claimNumber).firstResult();
        byte[] expected = claim == null ? NO_CLAIM : claim.applicantIdHash.getBytes(StandardCharsets.US_ASCII);
        byte[] given = pii.hash(idNumber.strip()).getBytes(StandardCharsets.US_ASCII);
        // both operands evaluated: no short cut for an unknown claim
        boolean matches = MessageDigest.isEqual(expected, given) & claim != null;
        if (matches) {
            return claim;
        }
        recordFailure(claimNumber, now);
        throw new ProblemException(404, "no-matching-claim", "detail.no-matching-claim", List.of());
    }

    private void recordFailure(String claimNumber, Instant now) {
        em.createNativeQuery("delete from public_lookup_failure where claim_number = ?1 and failed_at <= ?2")
                .setParameter(1, claimNumber)
                .setParameter(2, now.minus(WINDOW))
                .executeUpdate();
        em.createNativeQuery("insert into public_lookup_failure (claim_number, failed_at) values (?1, ?2)")
                .setParameter(1, claimNumber)
                .setParameter(2, now)
                .executeUpdate();
        long failures = ((Number)
                        em.createNativeQuery("select count(*) from public_lookup_failure where claim_number = ?1")
                                .setParameter(1, claimNumber)
                                .getSingleResult())
                .longValue();
        if (failures >= MAX_FAILURES) {
            em.createNativeQuery("update public_lookup_guard set locked_until = ?1 where claim_number = ?2")
                    .setParameter(1, now.plus(LOCK))
                    .setParameter(2, claimNumber)
                    .executeUpdate();
        }
    }
}
