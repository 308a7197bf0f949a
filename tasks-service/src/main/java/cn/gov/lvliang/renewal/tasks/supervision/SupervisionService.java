package cn.gov.lvliang.renewal.tasks.supervision;

import cn.gov.lvliang.renewal.platform.events.Outbox;
import cn.gov.lvliang.renewal.platform.jdbc.ScheduledRuns;
import cn.gov.lvliang.renewal.platform.security.Caller;
import cn.gov.lvliang.renewal.tasks.assignments.Assignment;
import cn.gov.lvliang.renewal.tasks.assignments.AssignmentService;
import cn.gov.lvliang.renewal.tasks.assignments.AssignmentStatus;
import cn.gov.lvliang.renewal.tasks.messaging.SupervisionNoticeIssued;
import cn.gov.lvliang.renewal.tasks.messaging.TasksEvents;
import cn.gov.lvliang.renewal.tasks.plans.Plan;
import cn.gov.lvliang.renewal.tasks.progress.ProgressReport;
import io.quarkus.panache.common.Sort;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
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
import org.jboss.logging.Logger;

/**
 * Supervision (督办): a scheduled run flags overdue assignments and missing monthly reports with
 * notices, escalates notices that stay open, and resolves those whose cause is gone.
 */
@ApplicationScoped
public class SupervisionService {

    private static final Logger LOG = Logger.getLogger(SupervisionService.class);
    private final Outbox outbox;
    private final EntityManager em;
    private final Clock clock;
    private final ScheduledRuns scheduledRuns;
    private final int reportDueDay;
    private final int escalateAfterDays;

    public SupervisionService(
            Outbox outbox,
            EntityManager em,
            Clock clock,
            ScheduledRuns scheduledRuns,
            @ConfigProperty(name = "tasks.supervision.report-due-day", defaultValue = "5") int reportDueDay,
            @ConfigProperty(name = "tasks.supervision.escalate-after-days", defaultValue = "7") int escalateAfterDays) {
        this.outbox = outbox;
        this.em = em;
        this.clock = clock;
        this.scheduledRuns = scheduledRuns;
        this.reportDueDay = reportDueDay;
        this.escalateAfterDays = escalateAfterDays;
    }

    /** What a run did. */
    @Schema(name = "SupervisionRun", description = "督办巡查结果 / the outcome of a supervision run")
    public record RunResult(
            LocalDate today,
            int issued,
            int escalated,
            int resolved,

            @Schema(description = "reminders sent (7 days / 1 day before a due date)")
            int reminded) {}

    /** The assignment states in which a monthly report is expected. */
    static final List<AssignmentStatus> REPORTING = List.of(
            AssignmentStatus.ACCEPTED,
            AssignmentStatus.IN_PROGRESS,
            AssignmentStatus.BLOCKED,
            AssignmentStatus.RETURNED);

    @Scheduled(
            skipExecutionIf = Scheduled.ApplicationNotRunning.class,
            cron = "{tasks.supervision.cron}",
            identity = "supervision",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        // once a day across the service's instances (decision 0033)
        if (scheduledRuns.claim("supervision", LocalDate.now(clock).toString())) {
            RunResult result = run();
            // one line per period across the instances: ReplicasIT counts it
            LOG.infof(
                    "supervision run of %s: %d notices issued, %d escalated, %d resolved",
                    result.today(), result.issued(), result.escalated(), result.resolved());
        }
    }

    @Scheduled(
            skipExecutionIf = Scheduled.ApplicationNotRunning.class,
            cron = "{tasks.supervision.reminder-cron}",
            identity = "due-date-reminders",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduledReminders() {
        remindOncePerDay();
    }

    /**
     * The reminder job: claims today in {@code reminder_run} and sends the reminders that are due;
     * a second run on the same day, on this or another instance, does nothing.
     *
     * @return the number of reminders sent
     */
    @Transactional
    public int remindOncePerDay() {
        Instant now = Instant.now(clock);
        LocalDate today = LocalDate.now(clock);
        int claimed = em.createNativeQuery(
                        "insert into reminder_run (day, ran_at) values (?1, ?2) on conflict (day) do nothing")
                .setParameter(1, today)
                .setParameter(2, now)
                .executeUpdate();
        return claimed == 0 ? 0 : remind(today, now);
    }

    /**
     * Sends each open assignment of a current plan whose due date is near the reminder its days left
     * call for ({@link DueDateReminders}), unless that reminder was sent before: never twice for the
     * same assignment and threshold (also held by a unique index). A 1-day reminder resolves the
     * 7-day one.
     */
    private int remind(LocalDate today, Instant now) {
        List<Assignment> near = Assignment.list(
                "status not in ?1 and dueDate >= ?2 and dueDate <= ?3"
                        + " and planId in (select p.id from Plan p where p.status = ?4)",
                AssignmentStatus.closed(),
                today,
                today.plusDays(DueDateReminders.THRESHOLDS.get(0)),
                Plan.Status.CURRENT);
        if (near.isEmpty()) {
            return 0;
        }
        Map<UUID, List<SupervisionNotice>> sent = SupervisionNotice.<SupervisionNotice>list(
                        "reason = ?1 and assignmentId in ?2",
                        SupervisionNotice.Reason.DUE_SOON,
                        near.stream().map(a -> a.id).toList())
                .stream()
                .collect(java.util.stream.Collectors.groupingBy(n -> n.assignmentId));
        int reminded = 0;
        for (Assignment a : near) {
            var threshold = DueDateReminders.thresholdFor(a.dueDate, today);
            List<SupervisionNotice> before = sent.getOrDefault(a.id, List.of());
            if (threshold.isEmpty() || before.stream().anyMatch(n -> n.daysBefore <= threshold.getAsInt())) {
                continue;
            }
            before.forEach(n -> n.resolve(now));
            SupervisionNotice.flush();
            SupervisionNotice n = notice(a, SupervisionNotice.Reason.DUE_SOON, null, now);
            n.daysBefore = threshold.getAsInt();
            n.persist();
            announce(a, n, false);
            reminded++;
        }
        return reminded;
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
                "status not in ?1 and dueDate < ?2 and planId in (select p.id from Plan p where p.status = ?3)"
                        + " and id not in (select n.assignmentId from SupervisionNotice n where n.status = ?4 and n.reason = ?5)",
                AssignmentStatus.closed(),
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
        for (SupervisionNotice n : SupervisionNotice.<SupervisionNotice>list(
                "status = ?1 and reason <> ?2", SupervisionNotice.Status.OPEN, SupervisionNotice.Reason.DUE_SOON)) {
            if (!n.lastRaisedAt().isAfter(threshold)) {
                n.escalate(now);
                announce(Assignment.findById(n.assignmentId), n, true);
                escalated++;
            }
        }
        return new RunResult(today, issued, escalated, resolved, remind(today, now));
    }

    private int resolve(Instant now) {
        int resolved = 0;
        for (SupervisionNotice n : SupervisionNotice.<SupervisionNotice>list("status", SupervisionNotice.Status.OPEN)) {
            Assignment a = Assignment.findById(n.assignmentId);
            LocalDate today = LocalDate.ofInstant(now, clock.getZone());
            boolean gone = switch (n.reason) {
                case OVERDUE -> !a.overdue(today);
                case DUE_SOON -> !a.status.open() || a.dueDate == null || a.dueDate.isBefore(today);
                case MISSING_REPORT ->
                    !a.status.open()
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
        SupervisionNotice n = notice(a, reason, period, now);
        n.persist();
        announce(a, n, false);
    }

    private static SupervisionNotice notice(
            Assignment a, SupervisionNotice.Reason reason, LocalDate period, Instant now) {
        SupervisionNotice n = new SupervisionNotice();
        n.id = UUID.randomUUID();
        n.assignmentId = a.id;
        n.reason = reason;
        n.period = period;
        n.level = 1;
        n.status = SupervisionNotice.Status.OPEN;
        n.issuedAt = now;
        return n;
    }

    private void announce(Assignment a, SupervisionNotice n, boolean escalation) {
        outbox.publish(
                TasksEvents.TOPIC,
                a.id.toString(),
                TasksEvents.SUPERVISION_NOTICE_ISSUED,
                new SupervisionNoticeIssued(
                        n.id,
                        a.id,
                        a.taskNumber,
                        a.departmentCode,
                        a.countyCode,
                        n.reason.name(),
                        n.period == null ? null : YearMonth.from(n.period).toString(),
                        n.level,
                        escalation,
                        a.dueDate,
                        n.daysBefore));
    }

    @Schema(name = "SupervisionNotice", description = "督办通知")
    public record NoticeView(
            UUID id,
            UUID assignmentId,

            @Schema(description = "发文字号 of the plan the task belongs to", example = "吕政发〔2024〕4号")
            String documentNumber,

            int taskNumber,
            String departmentCode,
            String countyCode,
            SupervisionNotice.Reason reason,
            @Schema(example = "2025-03") String period,

            @Schema(description = "DUE_SOON only: the reminder's threshold, days before the due date", example = "7")
            Integer daysBefore,

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
        Map<UUID, String> documents = new HashMap<>();
        if (!found.isEmpty()) {
            Assignment.<Assignment>list(
                            "id in ?1",
                            found.stream().map(n -> n.assignmentId).distinct().toList())
                    .forEach(a -> byId.put(a.id, a));
            Plan.<Plan>list(
                            "id in ?1",
                            byId.values().stream().map(a -> a.planId).distinct().toList())
                    .forEach(p -> documents.put(p.id, p.documentNumber));
        }
        return found.stream()
                .map(n -> {
                    Assignment a = byId.get(n.assignmentId);
                    return new NoticeView(
                            n.id,
                            n.assignmentId,
                            documents.get(a.planId),
                            a.taskNumber,
                            a.departmentCode,
                            a.countyCode,
                            n.reason,
                            n.period == null ? null : YearMonth.from(n.period).toString(),
                            n.daysBefore,
                            n.level,
                            n.status,
                            n.issuedAt,
                            n.escalatedAt,
                            n.resolvedAt);
                })
                .toList();
    }
}
