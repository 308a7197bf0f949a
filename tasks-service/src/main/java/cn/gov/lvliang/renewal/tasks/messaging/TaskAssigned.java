package cn.gov.lvliang.renewal.tasks.messaging;

import java.time.LocalDate;
import java.util.UUID;

/**
 * Data of {@value TasksEvents#TASK_ASSIGNED}: a task assigned (任务分解) to a lead department or an
 * implementing county.
 *
 * @param assigneeKind {@code LEAD_DEPARTMENT} or {@code COUNTY} (the assignment's kind)
 */
public record TaskAssigned(
        UUID assignmentId,
        UUID planId,
        UUID taskId,
        int taskNumber,
        String assigneeKind,
        String departmentCode,
        String countyCode,
        LocalDate dueDate) {}
