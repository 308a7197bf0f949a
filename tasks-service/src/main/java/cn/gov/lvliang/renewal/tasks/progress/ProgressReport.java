package cn.gov.lvliang.renewal.tasks.progress;

import cn.gov.lvliang.renewal.platform.problem.Problems;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** 进展报告: an assignment's report for one month, reviewed by the lead department. */
@Entity
@Table(name = "progress_report")
public class ProgressReport extends PanacheEntityBase {

    /** Review state. */
    public enum Status {
        SUBMITTED,
        ACCEPTED,
        RETURNED
    }

    @Id
    public UUID id;

    @Column(name = "assignment_id", nullable = false, updatable = false)
    public UUID assignmentId;

    /** The month reported on (its first day). */
    @Column(nullable = false, updatable = false)
    public LocalDate period;

    @Column(nullable = false, updatable = false)
    public String narrative;

    @Column(name = "percent_complete", nullable = false, updatable = false)
    public int percentComplete;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "metric_values", nullable = false, updatable = false)
    public String metricValues;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "evidence_links", nullable = false, updatable = false)
    public String evidenceLinks;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Status status;

    @Column(name = "submitted_by", nullable = false, updatable = false)
    public String submittedBy;

    @Column(name = "submitted_at", nullable = false, updatable = false)
    public Instant submittedAt;

    @Column(name = "reviewed_by")
    public String reviewedBy;

    @Column(name = "reviewed_at")
    public Instant reviewedAt;

    @Column(name = "review_comment")
    public String reviewComment;

    @Version
    public int version;

    /** The lead department accepts the report. */
    public void accept(String reviewer, String comment, Clock clock) {
        review(Status.ACCEPTED, reviewer, comment, clock);
    }

    /** The lead department returns the report with a comment; a new report may then be submitted. */
    public void giveBack(String reviewer, String comment, Clock clock) {
        review(Status.RETURNED, reviewer, comment, clock);
    }

    private void review(Status to, String reviewer, String comment, Clock clock) {
        if (status != Status.SUBMITTED) {
            throw Problems.conflict("report-not-pending", "detail.report-not-pending", status);
        }
        status = to;
        reviewedBy = reviewer;
        reviewedAt = Instant.now(clock);
        reviewComment = comment;
    }
}
