package cn.gov.lvliang.renewal.tasks.dashboard;

import cn.gov.lvliang.renewal.tasks.assignments.AssignmentStatus;
import cn.gov.lvliang.renewal.tasks.progress.ProgressReport;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Comparator;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * 报送进度: how far the reports of a set of assignments say the work is (pure rule, unit-tested).
 *
 * @param percentComplete the mean over the assignments of each one's progress: 100 when completed,
 *     else the percent of its newest report that was not returned (newest month, then newest
 *     submission), else 0; rounded half up
 * @param lastReportAt when the newest report was submitted, null when there is none
 * @param awaitingReview reports submitted and not yet accepted or returned (待审核)
 */
@Schema(name = "ReportProgress", description = "报送进度 / progress as the monthly reports tell it")
public record ReportProgress(
        @Schema(example = "35") int percentComplete,
        Instant lastReportAt,
        @Schema(example = "4") long awaitingReview) {

    private static final Comparator<Report> NEWEST_FIRST = Comparator.comparing(Report::period)
            .thenComparing(Report::submittedAt)
            .reversed();

    /** One report as the rule reads it. */
    public record Report(
            UUID assignmentId,
            LocalDate period,
            Instant submittedAt,
            int percentComplete,
            ProgressReport.Status status) {}

    /** The progress of {@code assignments} (id → state) by their {@code reports}. */
    public static ReportProgress of(Map<UUID, AssignmentStatus> assignments, Collection<Report> reports) {
        Map<UUID, Report> newest = reports.stream()
                .filter(r -> r.status() != ProgressReport.Status.RETURNED)
                .collect(Collectors.toMap(
                        Report::assignmentId, r -> r, (a, b) -> NEWEST_FIRST.compare(a, b) <= 0 ? a : b));
        long sum = 0;
        for (Map.Entry<UUID, AssignmentStatus> a : assignments.entrySet()) {
            if (a.getValue() == AssignmentStatus.COMPLETED) {
                sum += 100;
            } else if (newest.containsKey(a.getKey())) {
                sum += newest.get(a.getKey()).percentComplete();
            }
        }
        int percent = assignments.isEmpty()
                ? 0
                : BigDecimal.valueOf(sum)
                        .divide(BigDecimal.valueOf(assignments.size()), 0, RoundingMode.HALF_UP)
                        .intValueExact();
        Instant last = reports.stream()
                .map(Report::submittedAt)
                .max(Comparator.naturalOrder())
                .orElse(null);
        long awaiting = reports.stream()
                .filter(r -> r.status() == ProgressReport.Status.SUBMITTED)
                .count();
        return new ReportProgress(percent, last, awaiting);
    }
}
