package cn.gov.lvliang.renewal.tasks.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.lvliang.renewal.tasks.assignments.AssignmentStatus;
import cn.gov.lvliang.renewal.tasks.dashboard.ReportProgress.Report;
import cn.gov.lvliang.renewal.tasks.progress.ProgressReport.Status;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ReportProgressTest {

    static final UUID A = UUID.randomUUID();
    static final UUID B = UUID.randomUUID();
    static final UUID C = UUID.randomUUID();
    static final UUID D = UUID.randomUUID();

    static Report r(UUID a, String month, String at, int percent, Status status) {
        return new Report(a, LocalDate.parse(month + "-01"), Instant.parse(at), percent, status);
    }

    @Test
    void theNewestLiveReportCountsCompletedIsAHundredAndNoReportIsZero() {
        Map<UUID, AssignmentStatus> states = new LinkedHashMap<>();
        states.put(A, AssignmentStatus.IN_PROGRESS);
        states.put(B, AssignmentStatus.COMPLETED);
        states.put(C, AssignmentStatus.ACCEPTED);
        states.put(D, AssignmentStatus.IN_PROGRESS);
        List<Report> reports = List.of(
                r(A, "2025-02", "2025-03-03T00:00:00Z", 20, Status.ACCEPTED),
                r(A, "2025-03", "2025-04-02T00:00:00Z", 90, Status.RETURNED), // returned: does not count
                r(A, "2025-03", "2025-04-04T00:00:00Z", 45, Status.SUBMITTED),
                r(D, "2025-01", "2025-02-01T00:00:00Z", 10, Status.ACCEPTED));
        ReportProgress p = ReportProgress.of(states, reports);
        // (45 + 100 + 0 + 10) / 4 = 38.75
        assertThat(p.percentComplete()).isEqualTo(39);
        assertThat(p.lastReportAt()).isEqualTo(Instant.parse("2025-04-04T00:00:00Z"));
        assertThat(p.awaitingReview()).isEqualTo(1);
    }

    @Test
    void nothingToReportOnIsZeroWithoutADate() {
        ReportProgress p = ReportProgress.of(Map.of(), List.of());
        assertThat(p).isEqualTo(new ReportProgress(0, null, 0));
        assertThat(ReportProgress.of(Map.of(A, AssignmentStatus.ASSIGNED), List.of())
                        .percentComplete())
                .isZero();
    }
}
