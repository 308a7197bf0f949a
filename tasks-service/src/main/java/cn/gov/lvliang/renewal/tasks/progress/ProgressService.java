package cn.gov.lvliang.renewal.tasks.progress;

import cn.gov.lvliang.renewal.platform.events.Outbox;
import cn.gov.lvliang.renewal.platform.problem.Problems;
import cn.gov.lvliang.renewal.platform.security.Caller;
import cn.gov.lvliang.renewal.tasks.assignments.Assignment;
import cn.gov.lvliang.renewal.tasks.assignments.AssignmentService;
import cn.gov.lvliang.renewal.tasks.assignments.AssignmentStatus;
import cn.gov.lvliang.renewal.tasks.messaging.ProgressReported;
import cn.gov.lvliang.renewal.tasks.messaging.TasksEvents;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.OptimisticLockException;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Monthly progress reports: submitted by the assignee, accepted or returned by the lead department. */
@ApplicationScoped
public class ProgressService {

    private final AssignmentService assignments;
    private final Outbox outbox;
    private final ObjectMapper json;
    private final Clock clock;

    public ProgressService(AssignmentService assignments, Outbox outbox, ObjectMapper json, Clock clock) {
        this.assignments = assignments;
        this.outbox = outbox;
        this.json = json;
        this.clock = clock;
    }

    @Schema(name = "MetricValue", description = "指标值, for example 已改造小区: 120 个")
    public record MetricValue(
            @NotBlank @Size(max = 100) @Schema(example = "已改造小区")
            String name,

            @NotNull @Schema(example = "120") BigDecimal value,
            @Size(max = 20) @Schema(example = "个") String unit) {}

    @Schema(name = "SubmitProgressReport", description = "月度进展报告 / a monthly progress report")
    public record SubmitReport(
            @NotNull @Pattern(regexp = "\\d{4}-(0[1-9]|1[0-2])") @Schema(example = "2025-03")
            String period,

            @NotBlank @Size(max = 10000) @Schema(example = "本月完成12个小区外墙保温改造")
            String narrative,

            @NotNull @Min(0) @Max(100) @Schema(example = "45")
            Integer percentComplete,

            @Size(max = 50) List<@Valid @NotNull MetricValue> metricValues,
            @Size(max = 20) List<@NotBlank @Pattern(regexp = "https?://\\S{1,2000}") String> evidenceLinks) {}

    @Schema(name = "ReviewProgressReport", description = "审核: accept, or return with a comment")
    public record Review(
            @NotNull Decision decision,
            @Size(max = 2000) @Schema(example = "请补充照片") String comment,
            @NotNull Integer version) {}

    /** The review decision. */
    public enum Decision {
        ACCEPT,
        RETURN
    }

    @Schema(name = "ProgressReport", description = "进展报告")
    public record ReportView(
            UUID id,
            UUID assignmentId,
            @Schema(example = "2025-03") String period,
            String narrative,
            int percentComplete,
            @Schema(implementation = MetricValue[].class) JsonNode metricValues,
            @Schema(implementation = String[].class) JsonNode evidenceLinks,
            ProgressReport.Status status,
            String submittedBy,
            Instant submittedAt,
            String reviewedBy,
            Instant reviewedAt,
            String reviewComment,
            int version) {}

    @Transactional
    public ReportView submit(UUID assignmentId, SubmitReport request, Caller caller) {
        Assignment a = assignments.find(assignmentId, caller);
        if (!AssignmentService.isAssignee(a, caller)) {
            throw Problems.forbidden("forbidden", "detail.forbidden");
        }
        if (a.status == AssignmentStatus.WITHDRAWN) {
            throw Problems.conflict("assignment-withdrawn", "detail.assignment-withdrawn", a.withdrawnInVersion);
        }
        YearMonth month = YearMonth.parse(request.period());
        if (month.isAfter(YearMonth.now(clock))) {
            throw Problems.invalidField("period", request.period(), "field.date-in-future");
        }
        if (ProgressReport.count(
                        "assignmentId = ?1 and period = ?2 and status <> ?3",
                        a.id,
                        month.atDay(1),
                        ProgressReport.Status.RETURNED)
                > 0) {
            throw Problems.conflict("report-exists", "detail.report-exists", a.id);
        }
        ProgressReport r = new ProgressReport();
        r.id = UUID.randomUUID();
        r.assignmentId = a.id;
        r.period = month.atDay(1);
        r.narrative = request.narrative();
        r.percentComplete = request.percentComplete();
        r.metricValues = write(request.metricValues() == null ? List.of() : request.metricValues());
        r.evidenceLinks = write(request.evidenceLinks() == null ? List.of() : request.evidenceLinks());
        r.status = ProgressReport.Status.SUBMITTED;
        r.submittedBy = caller.subject();
        r.submittedAt = Instant.now(clock);
        r.persistAndFlush();
        announce(a, r);
        return view(r);
    }

    @Transactional
    public ReportView review(UUID reportId, Review request, Caller caller) {
        ProgressReport r = ProgressReport.findById(reportId);
        if (r == null) {
            throw Problems.notFound("resource.progress-report", reportId);
        }
        Assignment a;
        try {
            a = assignments.find(r.assignmentId, caller);
        } catch (RuntimeException outOfScope) {
            throw Problems.notFound("resource.progress-report", reportId);
        }
        AssignmentService.checkReviewer(a, caller);
        if (r.version != request.version()) {
            throw new OptimisticLockException("stale report " + reportId);
        }
        if (request.decision() == Decision.ACCEPT) {
            r.accept(caller.subject(), request.comment(), clock);
        } else {
            if (request.comment() == null || request.comment().isBlank()) {
                throw Problems.invalidField("comment", request.comment(), "field.required");
            }
            r.giveBack(caller.subject(), request.comment(), clock);
        }
        ProgressReport.flush();
        announce(a, r);
        return view(r);
    }

    /** The full history of an assignment's reports, newest month first. */
    @Transactional
    public List<ReportView> history(UUID assignmentId, Caller caller) {
        Assignment a = assignments.find(assignmentId, caller);
        return ProgressReport.<ProgressReport>list(
                        "assignmentId", Sort.by("period").descending().and("submittedAt"), a.id)
                .stream()
                .map(this::view)
                .toList();
    }

    private void announce(Assignment a, ProgressReport r) {
        outbox.publish(
                TasksEvents.TOPIC,
                a.id.toString(),
                TasksEvents.PROGRESS_REPORTED,
                new ProgressReported(
                        r.id,
                        a.id,
                        a.taskNumber,
                        a.departmentCode,
                        a.countyCode,
                        YearMonth.from(r.period).toString(),
                        r.percentComplete,
                        r.status.name()));
    }

    private ReportView view(ProgressReport r) {
        try {
            return new ReportView(
                    r.id,
                    r.assignmentId,
                    YearMonth.from(r.period).toString(),
                    r.narrative,
                    r.percentComplete,
                    json.readTree(r.metricValues),
                    json.readTree(r.evidenceLinks),
                    r.status,
                    r.submittedBy,
                    r.submittedAt,
                    r.reviewedBy,
                    r.reviewedAt,
                    r.reviewComment,
                    r.version);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
