package cn.gov.lvliang.renewal.tasks.assignments;

import cn.gov.lvliang.renewal.platform.events.Outbox;
import cn.gov.lvliang.renewal.platform.paging.Page;
import cn.gov.lvliang.renewal.platform.problem.Problems;
import cn.gov.lvliang.renewal.platform.security.Caller;
import cn.gov.lvliang.renewal.platform.security.CallerScope;
import cn.gov.lvliang.renewal.platform.security.Roles;
import cn.gov.lvliang.renewal.tasks.assignments.AssignmentViews.AssignmentView;
import cn.gov.lvliang.renewal.tasks.assignments.AssignmentViews.HistoryEntry;
import cn.gov.lvliang.renewal.tasks.messaging.AssignmentStatusChanged;
import cn.gov.lvliang.renewal.tasks.messaging.TaskAssigned;
import cn.gov.lvliang.renewal.tasks.messaging.TasksEvents;
import cn.gov.lvliang.renewal.tasks.organisation.CallerScopes;
import cn.gov.lvliang.renewal.tasks.organisation.County;
import cn.gov.lvliang.renewal.tasks.organisation.Department;
import cn.gov.lvliang.renewal.tasks.organisation.ImplementingUnit;
import cn.gov.lvliang.renewal.tasks.plans.Milestone;
import cn.gov.lvliang.renewal.tasks.plans.Plan;
import cn.gov.lvliang.renewal.tasks.plans.PlanImportService.PlanImported;
import cn.gov.lvliang.renewal.tasks.plans.PlanTask;
import cn.gov.lvliang.renewal.tasks.plans.TaskLeadDepartment;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.OptimisticLockException;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/** Assignments: created with each plan, moved through their states, read within the caller's scope. */
@ApplicationScoped
public class AssignmentService {

    private static final Set<String> CITY_WIDE =
            Set.of(Roles.CITY_ADMIN, Roles.AUDITOR, Roles.STATISTICS_BUREAU, Roles.SYSTEM_CLIENT);

    private final Outbox outbox;
    private final Clock clock;

    public AssignmentService(Outbox outbox, Clock clock) {
        this.outbox = outbox;
        this.clock = clock;
    }

    /** Filters of the assignment list. */
    public record Filter(
            UUID planId,
            Integer taskNumber,
            AssignmentStatus status,
            String county,
            String department,
            Boolean overdue) {}

    /**
     * Gives the tasks of a new plan version their assignments, inside the import's transaction: one
     * per lead department of each task, and one per county for every task (the document-wide rule
     * "以下均需各县市区人民政府落实", or a task whose parentheses name the county governments).
     * Co-operating companies get none. A task that continues one of the previous version keeps the
     * assignments of the assignees it still names (they move to the new version with their state,
     * reports, due date and history); the others close as WITHDRAWN, as do the open assignments of
     * removed tasks (decision 0019).
     */
    void onPlanImported(@Observes PlanImported imported) {
        Plan plan = Plan.findById(imported.planId());
        boolean everyCounty = plan.rules.contains("ALL_COUNTIES_IMPLEMENT_EVERY_TASK");
        List<ImplementingUnit> counties = ImplementingUnit.list("implementsEveryTask", Sort.by("code"), true);
        List<PlanTask> tasks = PlanTask.list("planId", Sort.by("number"), plan.id);
        List<UUID> ids = tasks.stream().map(t -> t.id).toList();
        if (ids.isEmpty()) {
            return;
        }
        Map<UUID, List<TaskLeadDepartment>> leads = TaskLeadDepartment.<TaskLeadDepartment>list(
                        "taskId in ?1 and role = ?2", Sort.by("position"), ids, TaskLeadDepartment.Role.LEAD)
                .stream()
                .collect(Collectors.groupingBy(l -> l.taskId));
        Map<UUID, LocalDate> due = Milestone.<Milestone>list("taskId in ?1 and dueDate is not null", ids).stream()
                .collect(Collectors.toMap(m -> m.taskId, m -> m.dueDate, (a, b) -> a.isAfter(b) ? a : b));
        Instant now = Instant.now(clock);
        Map<UUID, List<Assignment>> previous = imported.carriedOver().isEmpty()
                ? Map.of()
                : Assignment.<Assignment>list(
                                "taskId in ?1 and status <> ?2",
                                List.copyOf(imported.carriedOver().values()),
                                AssignmentStatus.WITHDRAWN)
                        .stream()
                        .collect(Collectors.groupingBy(a -> a.taskId));
        for (PlanTask task : tasks) {
            UUID previousTask = imported.carriedOver().get(task.id);
            List<Assignment> before =
                    new ArrayList<>(previousTask == null ? List.of() : previous.getOrDefault(previousTask, List.of()));
            for (TaskLeadDepartment lead : leads.getOrDefault(task.id, List.of())) {
                Assignment kept = take(before, Assignment.AssigneeKind.DEPARTMENT, lead.departmentCode);
                if (kept != null) {
                    carryOver(kept, plan, task, due.get(task.id));
                } else {
                    create(
                            plan,
                            task,
                            Assignment.AssigneeKind.DEPARTMENT,
                            lead.departmentCode,
                            null,
                            due.get(task.id),
                            now);
                }
            }
            if (everyCounty || task.countiesImplement) {
                for (ImplementingUnit county : counties) {
                    Assignment kept = take(before, Assignment.AssigneeKind.COUNTY, county.code);
                    if (kept != null) {
                        carryOver(kept, plan, task, due.get(task.id));
                    } else {
                        create(plan, task, Assignment.AssigneeKind.COUNTY, null, county.code, due.get(task.id), now);
                    }
                }
            }
            for (Assignment dropped : before) {
                if (dropped.status.open()) {
                    withdraw(
                            dropped,
                            plan,
                            dropped.assigneeKind == Assignment.AssigneeKind.DEPARTMENT
                                    ? "该部门不再是任务的牵头单位"
                                    : "该县（市、区）不再承担此任务",
                            dropped.assigneeKind == Assignment.AssigneeKind.DEPARTMENT
                                    ? "the department no longer leads the task"
                                    : "the county no longer implements the task");
                }
            }
        }
        if (plan.previousPlanId != null) {
            // what is still open on the previous version belongs to tasks the new one removed
            Assignment.flush();
            for (Assignment removed : Assignment.<Assignment>list(
                    "planId = ?1 and status not in ?2", plan.previousPlanId, AssignmentStatus.closed())) {
                withdraw(removed, plan, "任务已从计划中删除", "the task was removed from the plan");
            }
        }
    }

    private static Assignment take(List<Assignment> before, Assignment.AssigneeKind kind, String code) {
        for (Assignment a : before) {
            if (a.assigneeKind == kind
                    && code.equals(kind == Assignment.AssigneeKind.DEPARTMENT ? a.departmentCode : a.countyCode)) {
                before.remove(a);
                return a;
            }
        }
        return null;
    }

    private void carryOver(Assignment a, Plan plan, PlanTask task, LocalDate milestoneDue) {
        a.carryOver(plan.id, plan.planVersion, task.id, task.number, milestoneDue, clock);
        announce(a, "CARRY_OVER", a.status);
    }

    private void withdraw(Assignment a, Plan plan, String reasonZh, String reasonEn) {
        AssignmentStatus before = a.withdraw(plan.id, plan.planVersion, reasonZh, reasonEn, clock);
        announce(a, "WITHDRAW", before);
    }

    private void announce(Assignment a, String action, AssignmentStatus before) {
        outbox.publish(
                TasksEvents.TOPIC,
                a.id.toString(),
                TasksEvents.ASSIGNMENT_STATUS_CHANGED,
                new AssignmentStatusChanged(
                        a.id,
                        a.planId,
                        a.taskId,
                        a.taskNumber,
                        a.assigneeKind.name(),
                        a.departmentCode,
                        a.countyCode,
                        action,
                        before == null ? null : before.name(),
                        a.status.name(),
                        a.updatedAt));
    }

    private void create(
            Plan plan,
            PlanTask task,
            Assignment.AssigneeKind kind,
            String department,
            String county,
            LocalDate dueDate,
            Instant now) {
        Assignment a = new Assignment();
        a.id = UUID.randomUUID();
        a.planId = plan.id;
        a.taskId = task.id;
        a.taskNumber = task.number;
        a.assigneeKind = kind;
        a.departmentCode = department;
        a.countyCode = county;
        a.status = AssignmentStatus.ASSIGNED;
        a.dueDate = dueDate;
        a.dueDateSource = dueDate == null ? Assignment.DueDateSource.NONE : Assignment.DueDateSource.MILESTONE;
        a.createdAt = now;
        a.updatedAt = now;
        a.persist();
        AssignmentTransition.record(a, "ASSIGN", null, AssignmentStatus.ASSIGNED, "system", null, now);
        outbox.publish(
                TasksEvents.TOPIC,
                a.id.toString(),
                TasksEvents.TASK_ASSIGNED,
                new TaskAssigned(a.id, plan.id, task.id, task.number, kind.name(), department, county, dueDate));
    }

    // --- reads -----------------------------------------------------------------------------

    /** The HQL condition and parameters limiting assignments to the caller's scope. */
    public static String scope(Caller caller, Map<String, Object> params) {
        return scope("", caller, params);
    }

    /**
     * The same condition on an assignment aliased {@code alias} (empty for the root entity), for
     * use inside other queries.
     */
    public static String scope(String alias, Caller caller, Map<String, Object> params) {
        String p = alias.isEmpty() ? "" : alias + ".";
        CallerScope scope = CallerScopes.of(caller);
        // a department sees its own assignments (also one reassigned to it) and those of the tasks it leads
        CallerScope.Condition condition = scope.condition(
                p + "countyCode",
                null,
                "(" + p + "departmentCode = :scopeDepartment or " + p
                        + "taskId in (select l.taskId from TaskLeadDepartment l where l.departmentCode = :scopeDepartment))");
        params.putAll(condition.parameters());
        return condition.clause();
    }

    @Transactional
    public Page<AssignmentView> list(Filter filter, Caller caller, int page, int size) {
        Map<String, Object> params = new HashMap<>();
        StringBuilder where = new StringBuilder(scope(caller, params));
        if (filter.planId() != null) {
            where.append(" and planId = :plan");
            params.put("plan", filter.planId());
        } else {
            where.append(" and planId in (select p.id from Plan p where p.status = :current)");
            params.put("current", Plan.Status.CURRENT);
        }
        if (filter.taskNumber() != null) {
            where.append(" and taskNumber = :number");
            params.put("number", filter.taskNumber());
        }
        if (filter.status() != null) {
            where.append(" and status = :status");
            params.put("status", filter.status());
        }
        if (filter.county() != null) {
            where.append(" and countyCode = :county");
            params.put("county", filter.county());
        }
        if (filter.department() != null) {
            where.append(" and departmentCode = :department");
            params.put("department", filter.department());
        }
        if (Boolean.TRUE.equals(filter.overdue())) {
            where.append(" and status not in :closed and dueDate < :today");
            params.put("closed", AssignmentStatus.closed());
            params.put("today", LocalDate.now(clock));
        }
        var query = Assignment.<Assignment>find(
                where.toString(), Sort.by("taskNumber").and("departmentCode").and("countyCode"), params);
        return new Page<>(
                views(query.page(io.quarkus.panache.common.Page.of(page, size)).list()), query.count(), page, size);
    }

    /** One assignment within the caller's scope; outside it 404. */
    @Transactional
    public AssignmentView get(UUID id, Caller caller) {
        return views(List.of(find(id, caller))).get(0);
    }

    @Transactional
    public List<HistoryEntry> history(UUID id, Caller caller) {
        find(id, caller);
        return AssignmentTransition.<AssignmentTransition>list("assignmentId", Sort.by("id"), id).stream()
                .map(t -> new HistoryEntry(
                        t.action,
                        t.fromStatus == null ? null : AssignmentStatus.valueOf(t.fromStatus),
                        AssignmentStatus.valueOf(t.toStatus),
                        t.actor,
                        t.comment,
                        t.at))
                .toList();
    }

    /** Loads an assignment if in the caller's scope (scope in the query), or throws 404. */
    public Assignment find(UUID id, Caller caller) {
        Map<String, Object> params = new HashMap<>();
        String where = "id = :id and " + scope(caller, params);
        params.put("id", id);
        Assignment found = Assignment.<Assignment>find(where, params).firstResult();
        if (found == null) {
            throw Problems.notFound("resource.assignment", id);
        }
        return found;
    }

    // --- moves -----------------------------------------------------------------------------

    @Transactional
    public AssignmentView transition(
            UUID id, AssignmentStatus.Action action, String comment, int version, Caller caller) {
        Assignment a = find(id, caller);
        if (a.version != version) {
            throw new OptimisticLockException("stale assignment " + id);
        }
        if (action.byReviewer()) {
            checkReviewer(a, caller);
        } else if (!isAssignee(a, caller)) {
            throw Problems.forbidden("forbidden", "detail.forbidden");
        }
        if (action == AssignmentStatus.Action.RETURN && (comment == null || comment.isBlank())) {
            throw Problems.invalidField("comment", comment, "field.required");
        }
        AssignmentStatus before = a.apply(action, caller.subject(), comment, clock);
        Assignment.flush();
        announce(a, action.name(), before);
        return views(List.of(a)).get(0);
    }

    /**
     * Gives an open assignment to another department or county, with a reason: recorded in the
     * history and the audit trail, and announced as {@code REASSIGN}.
     *
     * @throws cn.gov.lvliang.renewal.platform.problem.ProblemException 400 for an unknown, missing or
     *     unchanged assignee; 409 when the new assignee already has an assignment of the task, or
     *     the assignment is closed
     */
    @Transactional
    public AssignmentView reassign(
            UUID id, String department, String county, String reason, int version, Caller caller) {
        Assignment a = find(id, caller);
        if (a.version != version) {
            throw new OptimisticLockException("stale assignment " + id);
        }
        if ((department == null) == (county == null)) {
            throw Problems.invalidField("departmentCode", department, "field.one-assignee");
        }
        Assignment.AssigneeKind kind =
                department != null ? Assignment.AssigneeKind.DEPARTMENT : Assignment.AssigneeKind.COUNTY;
        if (kind == Assignment.AssigneeKind.DEPARTMENT && Department.findById(department) == null) {
            throw Problems.invalidField("departmentCode", department, "field.unknown-department");
        }
        if (kind == Assignment.AssigneeKind.COUNTY && County.findById(county) == null) {
            throw Problems.invalidField("countyCode", county, "field.unknown-county");
        }
        if (Assignment.count(
                        "taskId = ?1 and assigneeKind = ?2 and (departmentCode = ?3 or countyCode = ?4)",
                        a.taskId,
                        kind,
                        department == null ? "" : department,
                        county == null ? "" : county)
                > 0) {
            throw Problems.conflict("assignee-has-assignment", "detail.assignee-has-assignment", a.taskNumber);
        }
        AssignmentStatus before = a.status;
        a.reassign(kind, department, county, caller.subject(), reason.strip(), clock);
        Assignment.flush();
        announce(a, "REASSIGN", before);
        return views(List.of(a)).get(0);
    }

    @Transactional
    public AssignmentView setDueDate(UUID id, LocalDate dueDate, int version, Caller caller) {
        Assignment a = find(id, caller);
        if (a.version != version) {
            throw new OptimisticLockException("stale assignment " + id);
        }
        a.setDueDateByCity(dueDate);
        a.updatedAt = Instant.now(clock);
        Assignment.flush();
        return views(List.of(a)).get(0);
    }

    /** Sets the city's due date on every open assignment of a task; returns how many changed. */
    @Transactional
    public int setTaskDueDate(UUID taskId, LocalDate dueDate) {
        if (PlanTask.findById(taskId) == null) {
            throw Problems.notFound("resource.task", taskId);
        }
        List<Assignment> open = Assignment.list("taskId = ?1 and status not in ?2", taskId, AssignmentStatus.closed());
        Instant now = Instant.now(clock);
        for (Assignment a : open) {
            a.setDueDateByCity(dueDate);
            a.updatedAt = now;
        }
        return open.size();
    }

    /**
     * Refuses a reviewer's move (confirm, return, accept or return a report) by anyone but a
     * reviewer, saying why: the unit that did the work never checks it (maker-checker, 审报分离); a
     * department's own assignment is checked by the city; a county's by a lead department of the task.
     *
     * @throws cn.gov.lvliang.renewal.platform.problem.ProblemException 403
     */
    public static void checkReviewer(Assignment a, Caller caller) {
        if (mayReview(a, caller)) {
            return;
        }
        if (isAssignee(a, caller)) {
            throw Problems.forbidden("maker-checker", "detail.maker-checker");
        }
        if (a.assigneeKind == Assignment.AssigneeKind.DEPARTMENT) {
            throw Problems.forbidden("city-reviews-departments", "detail.city-reviews-departments");
        }
        throw Problems.forbidden("not-lead-department", "detail.not-lead-department");
    }

    /** The county or department the assignment is given to. */
    public static boolean isAssignee(Assignment a, Caller caller) {
        return switch (a.assigneeKind) {
            case COUNTY ->
                caller.hasRole(Roles.COUNTY_OFFICER)
                        && CallerScopes.of(caller).is(CallerScope.Kind.COUNTY, a.countyCode);
            case DEPARTMENT ->
                caller.hasRole(Roles.DEPARTMENT_OFFICER)
                        && CallerScopes.of(caller).is(CallerScope.Kind.DEPARTMENT, a.departmentCode);
        };
    }

    /**
     * Who confirms or returns: for a county's assignment, a lead department of the task (or the
     * city); for a department's own assignment, the city.
     */
    public static boolean mayReview(Assignment a, Caller caller) {
        if (caller.hasRole(Roles.CITY_ADMIN)) {
            return true;
        }
        if (a.assigneeKind != Assignment.AssigneeKind.COUNTY || !caller.hasRole(Roles.DEPARTMENT_OFFICER)) {
            return false;
        }
        String department = CallerScope.canonicalDepartment(caller.department().orElse(null));
        return department != null
                && TaskLeadDepartment.count(
                                "taskId = ?1 and departmentCode = ?2 and role = ?3",
                                a.taskId,
                                department,
                                TaskLeadDepartment.Role.LEAD)
                        > 0;
    }

    List<AssignmentView> views(List<Assignment> assignments) {
        if (assignments.isEmpty()) {
            return List.of();
        }
        LocalDate today = LocalDate.now(clock);
        Map<UUID, String> titles =
                PlanTask.<PlanTask>list(
                                "id in ?1",
                                assignments.stream()
                                        .map(a -> a.taskId)
                                        .distinct()
                                        .toList())
                        .stream()
                        .collect(Collectors.toMap(t -> t.id, t -> t.title));
        Map<UUID, String> documents = new HashMap<>();
        Plan.<Plan>list(
                        "id in ?1",
                        assignments.stream().map(a -> a.planId).distinct().toList())
                .forEach(p -> documents.put(p.id, p.documentNumber));
        Map<String, String> names = new HashMap<>();
        Department.<Department>listAll().forEach(d -> names.put("D" + d.code, d.name));
        ImplementingUnit.<ImplementingUnit>listAll().forEach(u -> names.put("C" + u.code, u.name));
        return assignments.stream()
                .sorted(Comparator.comparingInt((Assignment a) -> a.taskNumber))
                .map(a -> new AssignmentView(
                        a.id,
                        a.planId,
                        documents.get(a.planId),
                        a.taskId,
                        a.taskNumber,
                        titles.get(a.taskId),
                        a.assigneeKind,
                        a.departmentCode,
                        a.countyCode,
                        names.get(a.departmentCode != null ? "D" + a.departmentCode : "C" + a.countyCode),
                        a.status,
                        a.dueDate,
                        a.dueDateSource,
                        a.overdue(today),
                        a.createdAt,
                        a.updatedAt,
                        a.completedAt,
                        a.withdrawnByPlanId,
                        a.withdrawnInVersion,
                        a.version))
                .toList();
    }
}
