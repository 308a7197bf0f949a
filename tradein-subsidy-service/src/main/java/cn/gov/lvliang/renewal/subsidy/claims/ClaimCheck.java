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

/** One automatic check of one verification run of a claim, with its outcome and evidence. */
@Entity
@Table(name = "claim_check")
public class ClaimCheck extends PanacheEntityBase {

    /** From the column's identity sequence in blocks of 50, so that a claim's rows go in one batch (V9). */
    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "claim_check_ids")
    @SequenceGenerator(name = "claim_check_ids", sequenceName = "claim_check_id_seq", allocationSize = 50)
    public Long id;

    @Column(name = "claim_id", nullable = false)
    public UUID claimId;

    @Column(nullable = false)
    public int run;

    @Column(nullable = false)
    public String code;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public CheckResult.Outcome outcome;

    @Enumerated(EnumType.STRING)
    @Column(name = "reason_code")
    public ReasonCode reasonCode;

    @Column(nullable = false)
    public String evidence;

    @Column(name = "checked_at", nullable = false)
    public Instant checkedAt;
}
