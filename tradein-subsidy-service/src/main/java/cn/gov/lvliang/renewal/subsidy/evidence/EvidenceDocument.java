package cn.gov.lvliang.renewal.subsidy.evidence;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** 申请材料: one evidence document of a claim; its bytes are in the {@link EvidenceStore} under {@link #sha256}. */
@Entity
@Table(name = "evidence_document")
public class EvidenceDocument extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "claim_id", nullable = false)
    public UUID claimId;

    @Column(nullable = false)
    public String kind;

    @Column(nullable = false)
    public String sha256;

    @Column(name = "size_bytes", nullable = false)
    public long sizeBytes;

    @Enumerated(EnumType.STRING)
    @Column(name = "detected_type", nullable = false)
    public DocumentType detectedType;

    @Column(name = "uploaded_by", nullable = false)
    public String uploadedBy;

    @Column(name = "uploaded_at", nullable = false)
    public Instant uploadedAt;
}
