package cn.gov.lvliang.renewal.subsidy.claims;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** One automatic check of one verification run of a claim, with its outcome and evidence. */
@Entity
@Table(name = "claim_check")
public class ClaimCheck extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
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
