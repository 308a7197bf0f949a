package cn.gov.lvliang.renewal.tasks.messaging;

import java.time.LocalDate;
import java.util.UUID;

/**
 * Data of {@value TasksEvents#SUPERVISION_NOTICE_ISSUED}: a supervision notice (督办通知) issued or
 * escalated; {@code reason} is the notice's reason code.
 */
public record SupervisionNoticeIssued(
        UUID noticeId,
        UUID assignmentId,
        int taskNumber,
        String departmentCode,
        String countyCode,
        String reason,
        String period,
        int level,
        boolean escalation,
        LocalDate dueDate,
        Integer daysBefore) {}
