package cn.gov.lvliang.renewal.subsidy.evidence;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.UUID;

/** 免予提交: a reviewer's waiver of one required kind of evidence of a claim, with its reason. */
@Entity
@Table(name = "evidence_waiver")
@IdClass(EvidenceWaiver.Key.class)
public class EvidenceWaiver extends PanacheEntityBase {

    @Id
    @Column(name = "claim_id")
    public UUID claimId;

    @Id
    public String kind;

    @Enumerated(EnumType.STRING)
    @Column(name = "reason_code", nullable = false)
    public WaiverReason reasonCode;

    public String note;

    @Column(name = "waived_by", nullable = false)
    public String waivedBy;

    @Column(name = "waived_at", nullable = false)
    public Instant waivedAt;

    /** The composite key (claim, kind). */
    public record Key(UUID claimId, String kind) implements Serializable {
        public Key() {
            this(null, null);
        }
    }
}
