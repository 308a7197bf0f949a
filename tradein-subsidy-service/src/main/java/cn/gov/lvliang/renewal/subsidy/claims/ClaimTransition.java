package cn.gov.lvliang.renewal.subsidy.claims;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** One state change of a claim: who, when, from, to, why (audit trail). */
@Entity
@Table(name = "claim_transition")
public class ClaimTransition extends PanacheEntityBase {

    /** From the column's identity sequence in blocks of 50, so that a claim's rows go in one batch (V9). */
    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "claim_transition_ids")
    @SequenceGenerator(name = "claim_transition_ids", sequenceName = "claim_transition_id_seq", allocationSize = 50)
    public Long id;

    @Column(name = "claim_id", nullable = false)
    public UUID claimId;

    @Enumerated(EnumType.STRING)
    @Column(name = "from_status")
    public ClaimStatus fromStatus;

    @Enumerated(EnumType.STRING)
    @Column(name = "to_status", nullable = false)
    public ClaimStatus toStatus;

    @Column(nullable = false)
    public String actor;

    @Enumerated(EnumType.STRING)
    @Column(name = "reason_code")
    public ReasonCode reasonCode;

    public String note;

    @Column(nullable = false)
    public Instant at;

    /** Writes the claim's pending state changes to its audit trail. */
    static void recordAll(Claim claim) {
        for (ClaimTransition t : claim.drainTransitions()) {
            t.persist();
        }
    }
}
