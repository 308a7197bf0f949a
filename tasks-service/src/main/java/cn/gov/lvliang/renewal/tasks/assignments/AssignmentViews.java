package cn.gov.lvliang.renewal.tasks.assignments;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** API forms of assignments. */
public final class AssignmentViews {

    private AssignmentViews() {}

    @Schema(name = "Assignment", description = "任务分派 / a task given to a lead department or a county")
    public record AssignmentView(
            UUID id,
            UUID planId,

            @Schema(description = "发文字号 of the plan", example = "吕政发〔2024〕4号")
            String documentNumber,

            UUID taskId,
            @Schema(example = "10") int taskNumber,
            @Schema(example = "开展老旧小区环境综合整治") String taskTitle,
            Assignment.AssigneeKind assigneeKind,
            @Schema(example = "zjj") String departmentCode,
            @Schema(example = "141124") String countyCode,
            @Schema(example = "临县") String assigneeName,
            AssignmentStatus status,
            @Schema(example = "2025-12-31") LocalDate dueDate,
            Assignment.DueDateSource dueDateSource,

            @Schema(description = "open and past its due date, by the service's clock")
            boolean overdue,

            Instant createdAt,
            Instant updatedAt,
            Instant completedAt,

            @Schema(description = "WITHDRAWN only: the plan version (撤销版本) that withdrew it")
            UUID withdrawnByPlanId,

            @Schema(description = "WITHDRAWN only: the number of that version", example = "2")
            Integer withdrawnInVersion,

            @Schema(example = "0") int version) {}

    @Schema(name = "AssignmentTransitionRequest", description = "A move of the assignment's state")
    public record TransitionRequest(
            @NotNull AssignmentStatus.Action action,

            @Size(max = 2000) @Schema(example = "资料不全，请补充改造清单")
            String comment,

            @NotNull @Schema(description = "the version last read; a stale one answers 409", example = "0")
            Integer version) {}

    @Schema(
            name = "AssignmentReassignmentRequest",
            description = "改派: give the assignment to another department or county (exactly one of the two codes)")
    public record ReassignmentRequest(
            @Schema(example = "swj") String departmentCode,
            @Schema(example = "141124") String countyCode,

            @NotBlank @Size(max = 2000) @Schema(example = "职责调整：改由市商务局牵头")
            String reason,

            @NotNull @Schema(description = "the version last read; a stale one answers 409", example = "0")
            Integer version) {}

    @Schema(name = "AssignmentDueDateRequest", description = "A due date set by the city")
    public record DueDateRequest(
            @NotNull @Schema(example = "2025-06-30") LocalDate dueDate,
            @NotNull Integer version) {}

    @Schema(name = "AssignmentTransition", description = "One entry of an assignment's history")
    public record HistoryEntry(
            String action, AssignmentStatus from, AssignmentStatus to, String actor, String comment, Instant at) {}
}
