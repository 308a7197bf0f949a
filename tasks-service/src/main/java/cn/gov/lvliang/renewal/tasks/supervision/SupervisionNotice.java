package cn.gov.lvliang.renewal.tasks.supervision;

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

/**
 * 督办通知: a supervision notice on an assignment that is overdue, missing a monthly report, or due
 * soon (a reminder 7 days or 1 day before its due date).
 */
@Entity
@Table(name = "supervision_notice")
public class SupervisionNotice extends PanacheEntityBase {

    /** Why the notice was issued. */
    public enum Reason {
        OVERDUE,
        MISSING_REPORT,
        /** 到期提醒: the due date is {@code daysBefore} days or fewer away. Never escalates. */
        DUE_SOON
    }

    /** Open until the cause is gone. */
    public enum Status {
        OPEN,
        RESOLVED
    }

    @Id
    public UUID id;

    @Column(name = "assignment_id", nullable = false, updatable = false)
    public UUID assignmentId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    public Reason reason;

    /** For a missing report: the month. */
    @Column(updatable = false)
    public LocalDate period;

    /** For a reminder: the threshold in days before the due date (7 or 1). */
    @Column(name = "days_before", updatable = false)
    public Integer daysBefore;

    /** 1 = 督办; each escalation adds one (2 = 通报, 3 = 约谈 in the city's practice). */
    @Column(nullable = false)
    public int level;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Status status;

    @Column(name = "issued_at", nullable = false, updatable = false)
    public Instant issuedAt;

    @Column(name = "escalated_at")
    public Instant escalatedAt;

    @Column(name = "resolved_at")
    public Instant resolvedAt;

    @Version
    public int version;

    /** Raises the level after the notice stayed open too long. */
    public void escalate(Instant now) {
        if (status != Status.OPEN) {
            throw new IllegalStateException("notice " + id + " is resolved");
        }
        level++;
        escalatedAt = now;
    }

    /** The cause is gone. */
    public void resolve(Instant now) {
        if (status == Status.OPEN) {
            status = Status.RESOLVED;
            resolvedAt = now;
        }
    }

    /** When the notice last changed level. */
    public Instant lastRaisedAt() {
        return escalatedAt != null ? escalatedAt : issuedAt;
    }
}
