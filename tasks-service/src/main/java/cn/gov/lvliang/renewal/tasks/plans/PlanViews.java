package cn.gov.lvliang.renewal.tasks.plans;

import cn.gov.lvliang.renewal.tasks.importer.ImportReport;
import cn.gov.lvliang.renewal.tasks.importer.ParsedPlan;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** API forms of plans and tasks. */
public final class PlanViews {

    private PlanViews() {}

    @Schema(name = "PlanSummary", description = "A plan version (计划版本) without its tree")
    public record PlanSummary(
            UUID id,
            @Schema(example = "吕政发〔2024〕4号") String documentNumber,
            @Schema(example = "1") int version,
            @Schema(example = "CURRENT") Plan.Status status,
            String title,
            @Schema(example = "吕梁市人民政府") String issuer,
            @Schema(example = "2024-05-11") LocalDate issuedOn,
            Instant importedAt,
            ImportReport.Counts found,
            ImportReport.Counts announced) {}

    @Schema(
            name = "Plan",
            description = "A plan: metadata, the tree action (行动) → project (工程) → task (任务),"
                    + " the document-wide rules, the main targets (主要目标) and the diff from the previous version")
    public record PlanView(
            UUID id,
            @Schema(example = "吕政发〔2024〕4号") String documentNumber,
            @Schema(example = "1") int version,
            Plan.Status status,

            @Schema(example = "吕梁市人民政府关于印发吕梁市推动大规模设备更新和消费品以旧换新工作任务分解的通知")
            String title,

            @Schema(example = "吕梁市人民政府") String issuer,
            @Schema(example = "2024-05-11") LocalDate issuedOn,

            @Schema(implementation = ParsedPlan.CitedDocument[].class)
            JsonNode citedDocuments,

            @Schema(implementation = ParsedPlan.DocumentRule[].class)
            JsonNode rules,

            @Schema(implementation = ParsedPlan.TargetStatement[].class)
            JsonNode targets,

            List<ActionView> actions,
            UUID previousPlanId,
            @Schema(implementation = PlanDiff.class) JsonNode diff,
            @Schema(example = "3a7f5b0c2d…") String contentHash,
            Instant importedAt) {}

    @Schema(name = "PlanAction", description = "行动 / action")
    public record ActionView(
            @Schema(example = "1") int number,
            @Schema(example = "(一)") String label,
            @Schema(example = "重点领域设备更新行动") String title,
            List<ProjectView> projects) {}

    @Schema(name = "PlanProject", description = "工程 / project")
    public record ProjectView(
            @Schema(example = "1") int number,
            @Schema(example = "工业设备绿色智能更新升级工程") String title,
            String text,
            List<TaskView> tasks) {}

    @Schema(name = "DepartmentRef", description = "牵头单位 / lead department")
    public record DepartmentRef(
            @Schema(example = "zjj") String code,
            @Schema(example = "市住建局") String name) {}

    @Schema(name = "Milestone", description = "候选节点目标 / candidate milestone quoted from the task")
    public record MilestoneView(
            @Schema(example = "到2025年底基本完成全市659个老旧小区改造任务") String clause,
            @Schema(example = "到2025年底") String deadlineText,
            @Schema(example = "2025-12-31") LocalDate dueDate,

            @Schema(implementation = ParsedPlan.Quantity[].class)
            JsonNode quantities) {}

    @Schema(name = "Task", description = "任务 / task, numbered as in the document")
    public record TaskView(
            UUID id,
            UUID planId,
            @Schema(example = "10") int number,
            @Schema(example = "开展老旧小区环境综合整治") String title,
            String text,
            @Schema(example = "2") int projectNumber,
            List<DepartmentRef> leadDepartments,

            @Schema(description = "co-operating companies such as 国网吕梁分公司")
            List<DepartmentRef> cooperatingUnits,

            boolean countiesImplement,

            @Schema(description = "false when the document cuts off the list of lead departments")
            boolean departmentsComplete,

            List<MilestoneView> milestones) {}

    @Schema(name = "PlanImportResult", description = "导入结果: the plan and the import report")
    public record ImportResult(
            @Schema(description = "false when the same text had been imported before (nothing new was stored)")
            boolean created,

            PlanView plan,
            ImportReport report) {}
}
