package cn.gov.lvliang.renewal.tasks.messaging;

import java.time.Instant;
import java.util.UUID;

/**
 * Data of {@value TasksEvents#ASSIGNMENT_STATUS_CHANGED}. {@code planId} is the version the
 * assignment belongs to after the move (for CARRY_OVER the new one, for WITHDRAW the one it stays
 * on); {@code from} and {@code to} are assignment states.
 */
public record AssignmentStatusChanged(
        UUID assignmentId,
        UUID planId,
        UUID taskId,
        int taskNumber,
        String assigneeKind,
        String departmentCode,
        String countyCode,
        String action,
        String from,
        String to,
        Instant at) {}
