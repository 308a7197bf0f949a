package cn.gov.lvliang.renewal.tasks.supervision;

import cn.gov.lvliang.renewal.platform.events.Outbox;
import cn.gov.lvliang.renewal.platform.security.Caller;
import cn.gov.lvliang.renewal.tasks.assignments.Assignment;
import cn.gov.lvliang.renewal.tasks.assignments.AssignmentService;
import cn.gov.lvliang.renewal.tasks.assignments.AssignmentStatus;
import cn.gov.lvliang.renewal.tasks.messaging.TasksEvents;
import cn.gov.lvliang.renewal.tasks.plans.Plan;
import cn.gov.lvliang.renewal.tasks.progress.ProgressReport;
import io.quarkus.panache.common.Sort;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Supervision (督办): a scheduled run flags overdue assignments and missing monthly reports with
 * notices, escalates notices that stay open, and resolves those whose cause is gone.
 */
@ApplicationScoped
public class SupervisionService {

    private final Outbox outbox;
    private final Clock clock;
    private final int reportDueDay;
    private final int escalateAfterDays;

    public SupervisionService(
            Outbox outbox,
            Clock clock,
            @ConfigProperty(name = "tasks.supervision.report-due-day", defaultValue = "5") int reportDueDay,
            @ConfigProperty(name = "tasks.supervision.escalate-after-days", defaultValue = "7") int escalateAfterDays) {
        this.outbox = outbox;
        this.clock = clock;
        this.reportDueDay = reportDueDay;
        this.escalateAfterDays = escalateAfterDays;
    }

    /** What a run did. */
    @Schema(name = "SupervisionRun", description = "督办巡查结果 / the outcome of a supervision run")
    public record RunResult(LocalDate today, int issued, int escalated, int resolved) {}

    /** Data of {@code supervision.notice-issued.v1}. */
    public record NoticeIssued(
            UUID noticeId,
            UUID assignmentId,
            int taskNumber,
            String departmentCode,
            String countyCode,
            SupervisionNotice.Reason reason,
            String period,
            int level,
            boolean escalation,
            LocalDate dueDate) {}

    /** The assignment states in which a monthly report is expected. */
    static final List<AssignmentStatus> REPORTING = List.of(
            AssignmentStatus.ACCEPTED,
            AssignmentStatus.IN_PROGRESS,
            AssignmentStatus.BLOCKED,
            AssignmentStatus.RETURNED);

    @Scheduled(
            cron = "{tasks.supervision.cron}",
            identity = "supervision",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        run();
    }

    /** One supervision run at the clock's date. */
    @Transactional
    public RunResult run() {
        Instant now = Instant.now(clock);
        LocalDate today = LocalDate.now(clock);
        int resolved = resolve(now);
        int issued = 0;
        // overdue: open and past the due date, in a current plan, without an open notice
        List<Assignment> overdue = Assignment.list(
                "status <> ?1 and dueDate < ?2 and planId in (select p.id from Plan p where p.status = ?3)"
                        + " and id not in (select n.assignmentId from SupervisionNotice n where n.status = ?4 and n.reason = ?5)",
                AssignmentStatus.COMPLETED,
                today,
                Plan.Status.CURRENT,
                SupervisionNotice.Status.OPEN,
                SupervisionNotice.Reason.OVERDUE);
        for (Assignment a : overdue) {
            issue(a, SupervisionNotice.Reason.OVERDUE, null, now);
            issued++;
        }
        // missing report for last month, once the reporting day has passed
        if (today.getDayOfMonth() > reportDueDay) {
            YearMonth last = YearMonth.from(today).minusMonths(1);
            LocalDate period = last.atDay(1);
            Instant periodEnd =
                    last.plusMonths(1).atDay(1).atStartOfDay(clock.getZone()).toInstant();
            List<Assignment> missing = Assignment.list(
                    "status in ?1 and createdAt < ?2 and planId in (select p.id from Plan p where p.status = ?3)"
                            + " and id not in (select r.assignmentId from ProgressReport r where r.period = ?4 and r.status <> ?5)"
                            + " and id not in (select n.assignmentId from SupervisionNotice n where n.reason = ?6 and n.period = ?4)",
                    REPORTING,
                    periodEnd,
                    Plan.Status.CURRENT,
                    period,
                    ProgressReport.Status.RETURNED,
                    SupervisionNotice.Reason.MISSING_REPORT);
            for (Assignment a : missing) {
                issue(a, SupervisionNotice.Reason.MISSING_REPORT, period, now);
                issued++;
            }
        }
        int escalated = 0;
        Instant threshold = now.minus(Duration.ofDays(escalateAfterDays));
        for (SupervisionNotice n : SupervisionNotice.<SupervisionNotice>list("status", SupervisionNotice.Status.OPEN)) {
            if (!n.lastRaisedAt().isAfter(threshold)) {
                n.escalate(now);
                announce(Assignment.findById(n.assignmentId), n, true);
                escalated++;
            }
        }
        return new RunResult(today, issued, escalated, resolved);
    }

    private int resolve(Instant now) {
        int resolved = 0;
        for (SupervisionNotice n : SupervisionNotice.<SupervisionNotice>list("status", SupervisionNotice.Status.OPEN)) {
            Assignment a = Assignment.findById(n.assignmentId);
            boolean gone = switch (n.reason) {
                case OVERDUE -> !a.overdue(LocalDate.ofInstant(now, clock.getZone()));
                case MISSING_REPORT ->
                    a.status == AssignmentStatus.COMPLETED
                            || ProgressReport.count(
                                            "assignmentId = ?1 and period = ?2 and status <> ?3",
                                            a.id,
                                            n.period,
                                            ProgressReport.Status.RETURNED)
                                    > 0;
            };
            if (gone) {
                n.resolve(now);
                resolved++;
            }
        }
        return resolved;
    }

    private void issue(Assignment a, SupervisionNotice.Reason reason, LocalDate period, Instant now) {
        SupervisionNotice n = new SupervisionNotice();
        n.id = UUID.randomUUID();
        n.assignmentId = a.id;
        n.reason = reason;
        n.period = period;
        n.level = 1;
        n.status = SupervisionNotice.Status.OPEN;
        n.issuedAt = now;
        n.persist();
        announce(a, n, false);
    }

    private void announce(Assignment a, SupervisionNotice n, boolean escalation) {
        outbox.publish(
                TasksEvents.TOPIC,
                a.id.toString(),
                TasksEvents.SUPERVISION_NOTICE_ISSUED,
                new NoticeIssued(
                        n.id,
                        a.id,
                        a.taskNumber,
                        a.departmentCode,
                        a.countyCode,
                        n.reason,
                        n.period == null ? null : YearMonth.from(n.period).toString(),
                        n.level,
                        escalation,
                        a.dueDate));
    }

    @Schema(name = "SupervisionNotice", description = "督办通知")
    public record NoticeView(
            UUID id,
            UUID assignmentId,
            int taskNumber,
            String departmentCode,
            String countyCode,
            SupervisionNotice.Reason reason,
            @Schema(example = "2025-03") String period,
            int level,
            SupervisionNotice.Status status,
            Instant issuedAt,
            Instant escalatedAt,
            Instant resolvedAt) {}

    /** Notices within the caller's scope (scope in the query). */
    @Transactional
    public List<NoticeView> notices(Caller caller, SupervisionNotice.Status status) {
        Map<String, Object> params = new HashMap<>();
        StringBuilder where = new StringBuilder("assignmentId in (select a.id from Assignment a where "
                + AssignmentService.scope("a", caller, params) + ")");
        if (status != null) {
            where.append(" and status = :status");
            params.put("status", status);
        }
        List<SupervisionNotice> found =
                SupervisionNotice.list(where.toString(), Sort.by("issuedAt").descending(), params);
        Map<UUID, Assignment> byId = new HashMap<>();
        if (!found.isEmpty()) {
            Assignment.<Assignment>list(
                            "id in ?1",
                            found.stream().map(n -> n.assignmentId).distinct().toList())
                    .forEach(a -> byId.put(a.id, a));
        }
        return found.stream()
                .map(n -> {
                    Assignment a = byId.get(n.assignmentId);
                    return new NoticeView(
                            n.id,
                            n.assignmentId,
                            a.taskNumber,
                            a.departmentCode,
                            a.countyCode,
                            n.reason,
                            n.period == null ? null : YearMonth.from(n.period).toString(),
                            n.level,
                            n.status,
                            n.issuedAt,
                            n.escalatedAt,
                            n.resolvedAt);
                })
                .toList();
    }
}
