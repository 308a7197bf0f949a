package cn.gov.lvliang.renewal.tasks.plans;

import cn.gov.lvliang.renewal.platform.paging.Page;
import cn.gov.lvliang.renewal.platform.problem.Problems;
import cn.gov.lvliang.renewal.platform.security.Caller;
import cn.gov.lvliang.renewal.platform.security.CallerScope;
import cn.gov.lvliang.renewal.platform.security.Roles;
import cn.gov.lvliang.renewal.tasks.importer.ImportReport;
import cn.gov.lvliang.renewal.tasks.organisation.CallerScopes;
import cn.gov.lvliang.renewal.tasks.organisation.Department;
import cn.gov.lvliang.renewal.tasks.plans.PlanViews.ActionView;
import cn.gov.lvliang.renewal.tasks.plans.PlanViews.DepartmentRef;
import cn.gov.lvliang.renewal.tasks.plans.PlanViews.MilestoneView;
import cn.gov.lvliang.renewal.tasks.plans.PlanViews.PlanSummary;
import cn.gov.lvliang.renewal.tasks.plans.PlanViews.PlanView;
import cn.gov.lvliang.renewal.tasks.plans.PlanViews.ProjectView;
import cn.gov.lvliang.renewal.tasks.plans.PlanViews.TaskView;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Reads plans and tasks within the caller's scope. A department officer sees only the tasks its
 * department is named in (scope applied in the query); everyone else with a reading role sees all.
 */
@ApplicationScoped
public class PlanQueries {

    private final ObjectMapper json;

    public PlanQueries(ObjectMapper json) {
        this.json = json;
    }

    /** The department a caller is limited to, or null for city-wide readers. */
    public static String departmentScope(Caller caller) {
        if (caller.hasRole(Roles.DEPARTMENT_OFFICER)
                && !caller.hasAnyRole(java.util.Set.of(Roles.CITY_ADMIN, Roles.AUDITOR))) {
            CallerScope scope = CallerScopes.of(caller);
            return scope.kind() == CallerScope.Kind.DEPARTMENT ? scope.code() : "\u0000"; // no claim: sees nothing
        }
        return null;
    }

    @Transactional
    public Page<PlanSummary> list(String documentNumber, int page, int size) {
        var query = documentNumber == null
                ? Plan.<Plan>findAll(Sort.by("importedAt").descending())
                : Plan.<Plan>find("documentNumber", Sort.by("planVersion").descending(), documentNumber);
        List<PlanSummary> items = query.page(io.quarkus.panache.common.Page.of(page, size)).list().stream()
                .map(this::summary)
                .toList();
        return new Page<>(items, query.count(), page, size);
    }

    private PlanSummary summary(Plan p) {
        ImportReport report = read(p.report, ImportReport.class);
        return new PlanSummary(
                p.id,
                p.documentNumber,
                p.planVersion,
                p.status,
                p.title,
                p.issuer,
                p.issuedOn,
                p.importedAt,
                report.found(),
                report.announced());
    }

    @Transactional
    public PlanView get(UUID id, Caller caller) {
        Plan plan = Plan.findById(id);
        if (plan == null) {
            throw Problems.notFound("resource.plan", id);
        }
        return view(plan, departmentScope(caller));
    }

    @Transactional
    public ImportReport report(UUID id) {
        Plan plan = Plan.findById(id);
        if (plan == null) {
            throw Problems.notFound("resource.plan", id);
        }
        return read(plan.report, ImportReport.class);
    }

    /** The plan's tree; with a department scope, only the tasks that department is named in. */
    PlanView view(Plan plan, String department) {
        List<PlanAction> actions = PlanAction.list("planId", Sort.by("number"), plan.id);
        List<PlanProject> projects = PlanProject.list("planId", Sort.by("number"), plan.id);
        List<PlanTask> tasks = department == null
                ? PlanTask.list("planId", Sort.by("number"), plan.id)
                : PlanTask.list(
                        "planId = :plan and id in (select l.taskId from TaskLeadDepartment l where l.departmentCode = :d)",
                        Sort.by("number"),
                        Map.of("plan", plan.id, "d", department));
        Map<UUID, TaskView> taskViews =
                taskViews(tasks).stream().collect(Collectors.toMap(TaskView::id, Function.identity()));
        List<ActionView> tree = new ArrayList<>();
        for (PlanAction a : actions) {
            List<ProjectView> projectViews = projects.stream()
                    .filter(p -> p.actionId.equals(a.id))
                    .map(p -> new ProjectView(
                            p.number,
                            p.title,
                            p.text,
                            tasks.stream()
                                    .filter(t -> t.projectId.equals(p.id))
                                    .map(t -> taskViews.get(t.id))
                                    .toList()))
                    .filter(p -> department == null || !p.tasks().isEmpty())
                    .toList();
            if (department == null || !projectViews.isEmpty()) {
                tree.add(new ActionView(a.number, a.label, a.title, projectViews));
            }
        }
        return new PlanView(
                plan.id,
                plan.documentNumber,
                plan.planVersion,
                plan.status,
                plan.title,
                plan.issuer,
                plan.issuedOn,
                tree(plan.citedDocuments),
                tree(plan.rules),
                tree(plan.targets),
                tree,
                plan.previousPlanId,
                plan.diff == null ? null : tree(plan.diff),
                plan.contentHash,
                plan.importedAt);
    }

    /** Tasks of a plan within the caller's scope, optionally of one department. */
    @Transactional
    public Page<TaskView> tasks(UUID planId, String departmentFilter, Caller caller, int page, int size) {
        if (Plan.findById(planId) == null) {
            throw Problems.notFound("resource.plan", planId);
        }
        String scope = departmentScope(caller);
        StringBuilder where = new StringBuilder("planId = :plan");
        Map<String, Object> params = new java.util.HashMap<>();
        params.put("plan", planId);
        if (scope != null) {
            where.append(" and id in (select l.taskId from TaskLeadDepartment l where l.departmentCode = :scope)");
            params.put("scope", scope);
        }
        if (departmentFilter != null) {
            where.append(" and id in (select l.taskId from TaskLeadDepartment l where l.departmentCode = :d)");
            params.put("d", departmentFilter);
        }
        var query = PlanTask.<PlanTask>find(where.toString(), Sort.by("number"), params);
        List<PlanTask> found =
                query.page(io.quarkus.panache.common.Page.of(page, size)).list();
        return new Page<>(taskViews(found), query.count(), page, size);
    }

    /** One task, if within the caller's scope. */
    @Transactional
    public TaskView task(UUID id, Caller caller) {
        String scope = departmentScope(caller);
        PlanTask task = scope == null
                ? PlanTask.findById(id)
                : PlanTask.<PlanTask>find(
                                "id = :id and id in (select l.taskId from TaskLeadDepartment l where l.departmentCode = :d)",
                                Map.of("id", id, "d", scope))
                        .firstResult();
        if (task == null) {
            throw Problems.notFound("resource.task", id);
        }
        return taskViews(List.of(task)).get(0);
    }

    List<TaskView> taskViews(Collection<PlanTask> tasks) {
        if (tasks.isEmpty()) {
            return List.of();
        }
        List<UUID> ids = tasks.stream().map(t -> t.id).toList();
        List<TaskLeadDepartment> leads = TaskLeadDepartment.list("taskId in ?1", Sort.by("position"), ids);
        Map<String, String> names =
                Department.<Department>listAll().stream().collect(Collectors.toMap(d -> d.code, d -> d.name));
        List<Milestone> milestones = Milestone.list("taskId in ?1", Sort.by("position"), ids);
        Map<UUID, Integer> projectNumbers =
                PlanProject.<PlanProject>list(
                                "id in ?1",
                                tasks.stream().map(t -> t.projectId).distinct().toList())
                        .stream()
                        .collect(Collectors.toMap(p -> p.id, p -> p.number));
        return tasks.stream()
                .map(t -> new TaskView(
                        t.id,
                        t.planId,
                        t.number,
                        t.title,
                        t.text,
                        projectNumbers.getOrDefault(t.projectId, 0),
                        refs(leads, t.id, TaskLeadDepartment.Role.LEAD, names),
                        refs(leads, t.id, TaskLeadDepartment.Role.COOPERATING, names),
                        t.countiesImplement,
                        t.departmentsComplete,
                        milestones.stream()
                                .filter(m -> m.taskId.equals(t.id))
                                .map(m -> new MilestoneView(m.clause, m.deadlineText, m.dueDate, tree(m.quantities)))
                                .toList()))
                .toList();
    }

    private static List<DepartmentRef> refs(
            List<TaskLeadDepartment> leads, UUID task, TaskLeadDepartment.Role role, Map<String, String> names) {
        return leads.stream()
                .filter(l -> l.taskId.equals(task) && l.role == role)
                .map(l -> new DepartmentRef(l.departmentCode, names.get(l.departmentCode)))
                .toList();
    }

    /** Snapshots of a stored plan's tasks by task id, in number order, for a diff. */
    Map<UUID, PlanDiff.TaskSnapshot> snapshots(UUID planId) {
        List<PlanTask> tasks = PlanTask.list("planId", Sort.by("number"), planId);
        List<UUID> ids = tasks.stream().map(t -> t.id).toList();
        List<TaskLeadDepartment> leads =
                ids.isEmpty() ? List.of() : TaskLeadDepartment.list("taskId in ?1", Sort.by("position"), ids);
        Map<String, String> sourceNames =
                Department.<Department>listAll().stream().collect(Collectors.toMap(d -> d.code, d -> d.sourceName));
        Map<UUID, PlanDiff.TaskSnapshot> out = new java.util.LinkedHashMap<>();
        for (PlanTask t : tasks) {
            out.put(
                    t.id,
                    new PlanDiff.TaskSnapshot(
                            t.number,
                            t.title,
                            t.text,
                            leads.stream()
                                    .filter(l -> l.taskId.equals(t.id))
                                    .map(l -> sourceNames.get(l.departmentCode))
                                    .toList()));
        }
        return out;
    }

    private JsonNode tree(String value) {
        try {
            return json.readTree(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private <T> T read(String value, Class<T> type) {
        try {
            return json.readValue(value, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
