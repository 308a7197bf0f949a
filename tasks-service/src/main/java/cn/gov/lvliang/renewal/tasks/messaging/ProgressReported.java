package cn.gov.lvliang.renewal.tasks.messaging;

import java.util.UUID;

/**
 * Data of {@value TasksEvents#PROGRESS_REPORTED}: a monthly progress report (进度报告) submitted,
 * accepted or returned; {@code status} is the report's state.
 */
public record ProgressReported(
        UUID reportId,
        UUID assignmentId,
        int taskNumber,
        String departmentCode,
        String countyCode,
        String period,
        int percentComplete,
        String status) {}
