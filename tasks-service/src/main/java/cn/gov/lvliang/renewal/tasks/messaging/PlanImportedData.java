package cn.gov.lvliang.renewal.tasks.messaging;

import java.util.UUID;

/**
 * Data of {@value TasksEvents#PLAN_IMPORTED}: a policy document imported as a plan version (计划导入),
 * with what the parser found and what the document announced.
 */
public record PlanImportedData(
        UUID planId,
        String documentNumber,
        int version,
        String contentHash,
        UUID previousPlanId,
        Counts found,
        Counts announced,
        int warnings,
        int tasksAdded,
        int tasksRemoved,
        int tasksChanged) {

    /** Actions, projects and tasks; null where the document does not say. */
    public record Counts(Integer actions, Integer projects, Integer tasks) {}
}
