package cn.gov.lvliang.renewal.tasks.plans;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * A plan: one imported version of a policy document (政策文件), identified by its document number
 * and version. A revised text creates a new version; the previous one becomes SUPERSEDED.
 */
@Entity
@Table(name = "plan")
public class Plan extends PanacheEntityBase {

    /** Whether this is the version in force. */
    public enum Status {
        CURRENT,
        SUPERSEDED
    }

    @Id
    public UUID id;

    @Column(name = "document_number", nullable = false, updatable = false)
    public String documentNumber;

    @Column(name = "plan_version", nullable = false, updatable = false)
    public int planVersion;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Status status;

    public String title;
    public String issuer;

    @Column(name = "issued_on")
    public LocalDate issuedOn;

    @Column(name = "content_hash", nullable = false, updatable = false)
    public String contentHash;

    @Column(name = "source_text", nullable = false, updatable = false)
    public String sourceText;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "cited_documents", nullable = false)
    public String citedDocuments;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public String rules;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public String targets;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public String report;

    @JdbcTypeCode(SqlTypes.JSON)
    public String diff;

    @Column(name = "previous_plan_id")
    public UUID previousPlanId;

    @Column(name = "imported_at", nullable = false, updatable = false)
    public Instant importedAt;

    @Column(name = "imported_by", nullable = false, updatable = false)
    public String importedBy;

    @Version
    public int version;

    /**
     * Makes this newly imported text the version in force of its document: the version after
     * {@code previous} (the document's newest version so far, or null for the first), which it
     * supersedes. A superseded version never becomes current again.
     */
    public void succeed(Plan previous) {
        if (status != null) {
            throw new IllegalStateException("plan " + id + " is already " + status);
        }
        if (previous != null && !previous.documentNumber.equals(documentNumber)) {
            throw new IllegalArgumentException(
                    "plan " + id + " of " + documentNumber + " cannot follow one of " + previous.documentNumber);
        }
        planVersion = previous == null ? 1 : previous.planVersion + 1;
        previousPlanId = previous == null ? null : previous.id;
        status = Status.CURRENT;
        if (previous != null && previous.status == Status.CURRENT) {
            previous.supersede();
        }
    }

    /** A newer version of the same document replaces this one. */
    private void supersede() {
        if (status != Status.CURRENT) {
            throw new IllegalStateException("plan " + id + " is already superseded");
        }
        status = Status.SUPERSEDED;
    }
}
