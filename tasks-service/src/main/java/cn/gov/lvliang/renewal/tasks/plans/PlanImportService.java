package cn.gov.lvliang.renewal.tasks.plans;

import cn.gov.lvliang.renewal.platform.events.Outbox;
import cn.gov.lvliang.renewal.platform.problem.Problems;
import cn.gov.lvliang.renewal.platform.security.Caller;
import cn.gov.lvliang.renewal.tasks.importer.ImportReport;
import cn.gov.lvliang.renewal.tasks.importer.ParsedPlan;
import cn.gov.lvliang.renewal.tasks.importer.PolicyDocumentParser;
import cn.gov.lvliang.renewal.tasks.messaging.PlanImportedData;
import cn.gov.lvliang.renewal.tasks.messaging.TasksEvents;
import cn.gov.lvliang.renewal.tasks.organisation.Department;
import cn.gov.lvliang.renewal.tasks.organisation.DepartmentCodes;
import cn.gov.lvliang.renewal.tasks.organisation.DirectoryEvents;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Imports a policy document as a plan: parse, store the tree with its lead departments and
 * milestones, version it, and announce it. Importing the same text again stores nothing.
 */
@ApplicationScoped
public class PlanImportService {

    private final PolicyDocumentParser parser = new PolicyDocumentParser();
    private final Outbox outbox;
    private final ObjectMapper json;
    private final Clock clock;
    private final PlanQueries queries;
    private final Event<PlanImported> imported;
    private final DirectoryEvents directory;

    public PlanImportService(
            Outbox outbox,
            ObjectMapper json,
            Clock clock,
            PlanQueries queries,
            Event<PlanImported> imported,
            DirectoryEvents directory) {
        this.directory = directory;
        this.outbox = outbox;
        this.json = json;
        this.clock = clock;
        this.queries = queries;
        this.imported = imported;
    }

    /**
     * Fired inside the import transaction, so that assignments are created with the plan.
     *
     * @param carriedOver for each task of the new version that continues a task of the previous
     *     one (unchanged, renumbered or changed, see {@link PlanDiff#matches}): new task id →
     *     previous task id; empty for a first version
     */
    public record PlanImported(UUID planId, Map<UUID, UUID> carriedOver) {}

    /**
     * Imports {@code text}.
     *
     * @return the plan and report; {@code created} false when the same text was imported before
     * @throws cn.gov.lvliang.renewal.platform.problem.ProblemException 422 when the text holds no
     *     task or no document number
     */
    @Transactional
    public PlanViews.ImportResult importText(String text, Caller caller) {
        ParsedPlan parsed = parser.parse(text);
        if (parsed.report().hasErrors()) {
            throw Problems.unprocessable("plan-unparseable", "detail.plan-unparseable", summary(parsed.report()));
        }
        if (parsed.metadata().documentNumber() == null) {
            throw Problems.unprocessable("plan-without-number", "detail.plan-without-number");
        }
        String hash = sha256(parsed.normalisedText());
        Plan existing = Plan.find("contentHash", hash).firstResult();
        if (existing != null) {
            return new PlanViews.ImportResult(false, queries.view(existing, null), read(existing.report));
        }
        Plan previous = Plan.find(
                        "documentNumber = ?1 order by planVersion desc",
                        parsed.metadata().documentNumber())
                .firstResult();

        Plan plan = new Plan();
        plan.id = UUID.randomUUID();
        plan.documentNumber = parsed.metadata().documentNumber();
        plan.title = parsed.metadata().title();
        plan.issuer = parsed.metadata().issuer();
        plan.issuedOn = parsed.metadata().issuedOn();
        plan.contentHash = hash;
        plan.sourceText = parsed.normalisedText();
        plan.citedDocuments = write(parsed.metadata().citedDocuments());
        plan.rules = write(parsed.rules());
        plan.targets = write(parsed.targets());
        plan.report = write(parsed.report());
        plan.importedAt = Instant.now(clock);
        plan.importedBy = caller.subject();
        PlanDiff diff = null;
        List<PlanDiff.TaskSnapshot> after = snapshots(parsed);
        Map<PlanDiff.TaskSnapshot, UUID> previousIds = new IdentityHashMap<>();
        List<PlanDiff.Match> matches = List.of();
        if (previous != null) {
            Map<UUID, PlanDiff.TaskSnapshot> previousTasks = queries.snapshots(previous.id);
            previousTasks.forEach((id, snapshot) -> previousIds.put(snapshot, id));
            List<PlanDiff.TaskSnapshot> before = List.copyOf(previousTasks.values());
            diff = PlanDiff.between(before, after);
            matches = PlanDiff.matches(before, after);
            plan.diff = write(diff);
        }
        plan.succeed(previous);
        if (previous != null) {
            Plan.flush(); // the superseded version first: one current version per document
        }
        plan.persist();
        List<UUID> taskIds = storeTree(plan, parsed);
        Plan.flush();
        Map<PlanDiff.TaskSnapshot, UUID> newIds = new IdentityHashMap<>();
        for (int i = 0; i < after.size(); i++) {
            newIds.put(after.get(i), taskIds.get(i));
        }
        Map<UUID, UUID> carriedOver = new HashMap<>();
        matches.forEach(m -> carriedOver.put(newIds.get(m.after()), previousIds.get(m.before())));
        imported.fire(new PlanImported(plan.id, Map.copyOf(carriedOver)));

        ImportReport report = parsed.report();
        outbox.publish(
                TasksEvents.TOPIC,
                plan.id.toString(),
                TasksEvents.PLAN_IMPORTED,
                new PlanImportedData(
                        plan.id,
                        plan.documentNumber,
                        plan.planVersion,
                        plan.contentHash,
                        plan.previousPlanId,
                        counts(report.found()),
                        counts(report.announced()),
                        report.findings().size(),
                        diff == null ? 0 : diff.added().size(),
                        diff == null ? 0 : diff.removed().size(),
                        diff == null ? 0 : diff.changed().size()));
        return new PlanViews.ImportResult(true, queries.view(plan, null), report);
    }

    private static PlanImportedData.Counts counts(ImportReport.Counts c) {
        return new PlanImportedData.Counts(c.actions(), c.projects(), c.tasks());
    }

    /** Stores the tree; returns the new task ids in document order (the order of {@code parsed.tasks()}). */
    private List<UUID> storeTree(Plan plan, ParsedPlan parsed) {
        List<UUID> taskIds = new ArrayList<>();
        for (ParsedPlan.Action a : parsed.actions()) {
            PlanAction action = new PlanAction();
            action.id = UUID.randomUUID();
            action.planId = plan.id;
            action.number = a.number();
            action.label = a.label();
            action.title = a.title();
            action.persist();
            for (ParsedPlan.Project p : a.projects()) {
                PlanProject project = new PlanProject();
                project.id = UUID.randomUUID();
                project.planId = plan.id;
                project.actionId = action.id;
                project.number = p.number();
                project.title = p.title();
                project.text = p.text();
                project.persist();
                for (ParsedPlan.Task t : p.tasks()) {
                    taskIds.add(storeTask(plan, project, t));
                }
            }
        }
        return taskIds;
    }

    private UUID storeTask(Plan plan, PlanProject project, ParsedPlan.Task t) {
        PlanTask task = new PlanTask();
        task.id = UUID.randomUUID();
        task.planId = plan.id;
        task.projectId = project.id;
        task.number = t.number();
        task.title = t.title();
        task.text = t.text();
        task.departmentsComplete = t.departmentsComplete();
        task.countiesImplement = t.countiesImplement();
        task.persist();
        int position = 0;
        for (ParsedPlan.Unit unit : t.leads()) {
            Department department = department(unit);
            TaskLeadDepartment lead = new TaskLeadDepartment();
            lead.taskId = task.id;
            lead.departmentCode = department.code;
            lead.role = unit.kind() == ParsedPlan.UnitKind.COMPANY
                    ? TaskLeadDepartment.Role.COOPERATING
                    : TaskLeadDepartment.Role.LEAD;
            lead.position = position++;
            lead.persist();
        }
        int m = 0;
        for (ParsedPlan.Milestone candidate : t.milestones()) {
            Milestone milestone = new Milestone();
            milestone.id = UUID.randomUUID();
            milestone.taskId = task.id;
            milestone.position = m++;
            milestone.clause = candidate.clause();
            milestone.deadlineText = candidate.deadlineText();
            milestone.dueDate = candidate.dueDate();
            milestone.quantities = write(candidate.quantities());
            milestone.persist();
        }
        return task.id;
    }

    /** The department for a name in the document: found by that name, or created with a stable code. */
    private Department department(ParsedPlan.Unit unit) {
        Department found = Department.find("sourceName", unit.name()).firstResult();
        if (found != null) {
            return found;
        }
        Department department = new Department();
        department.code = DepartmentCodes.codeFor(unit.name());
        department.name = unit.name();
        department.sourceName = unit.name();
        department.kind = Department.Kind.valueOf(unit.kind().name());
        department.createdAt = Instant.now(clock);
        department.persist();
        Department.flush();
        directory.department(department, DirectoryEvents.Change.ADDED);
        return department;
    }

    static List<PlanDiff.TaskSnapshot> snapshots(ParsedPlan parsed) {
        return parsed.tasks().stream()
                .map(t -> new PlanDiff.TaskSnapshot(
                        t.number(),
                        t.title(),
                        t.text(),
                        t.leads().stream().map(ParsedPlan.Unit::name).toList()))
                .toList();
    }

    private static String summary(ImportReport report) {
        return report.findings().stream()
                .filter(f -> f.severity() == ImportReport.Severity.ERROR)
                .map(ImportReport.Finding::message)
                .reduce((a, b) -> a + " " + b)
                .orElse("");
    }

    String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    ImportReport read(String report) {
        try {
            return json.readValue(report, ImportReport.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static String sha256(String text) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
