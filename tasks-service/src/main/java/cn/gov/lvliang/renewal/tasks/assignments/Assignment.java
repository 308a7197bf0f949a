package cn.gov.lvliang.renewal.tasks.assignments;

import cn.gov.lvliang.renewal.platform.problem.Problems;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** 任务分派: a task given to one lead department or one implementing county. */
@Entity
@Table(name = "assignment")
public class Assignment extends PanacheEntityBase {

    /** Who carries the assignment. */
    public enum AssigneeKind {
        DEPARTMENT,
        COUNTY
    }

    /** Where the due date comes from. */
    public enum DueDateSource {
        NONE,
        MILESTONE,
        CITY
    }

    @Id
    public UUID id;

    /** The plan version it belongs to; moves to a new version that carries the task over. */
    @Column(name = "plan_id", nullable = false)
    public UUID planId;

    @Column(name = "task_id", nullable = false)
    public UUID taskId;

    @Column(name = "task_number", nullable = false)
    public int taskNumber;

    /** Who carries it; the city may reassign it ({@link #reassign}). */
    @Enumerated(EnumType.STRING)
    @Column(name = "assignee_kind", nullable = false)
    public AssigneeKind assigneeKind;

    @Column(name = "department_code")
    public String departmentCode;

    @Column(name = "county_code")
    public String countyCode;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public AssignmentStatus status;

    @Column(name = "due_date")
    public LocalDate dueDate;

    @Enumerated(EnumType.STRING)
    @Column(name = "due_date_source", nullable = false)
    public DueDateSource dueDateSource;

    @Column(name = "created_at", nullable = false, updatable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Column(name = "completed_at")
    public Instant completedAt;

    /** The plan version that withdrew it (WITHDRAWN only). */
    @Column(name = "withdrawn_by_plan_id")
    public UUID withdrawnByPlanId;

    @Column(name = "withdrawn_in_version")
    public Integer withdrawnInVersion;

    @Version
    public int version;

    /**
     * Applies {@code action}; records the move in the history.
     *
     * @return the state before
     * @throws cn.gov.lvliang.renewal.platform.problem.ProblemException 409 when not allowed now
     */
    public AssignmentStatus apply(AssignmentStatus.Action action, String actor, String comment, Clock clock) {
        AssignmentStatus before = status;
        AssignmentStatus after = status.after(action)
                .orElseThrow(() ->
                        Problems.conflict("transition-not-allowed", "detail.transition-not-allowed", status, action));
        status = after;
        updatedAt = Instant.now(clock);
        if (after == AssignmentStatus.COMPLETED) {
            completedAt = updatedAt;
        }
        AssignmentTransition.record(this, action.name(), before, after, actor, comment, updatedAt);
        return before;
    }

    /**
     * Moves the assignment to the task that continues its task in a newer plan version: state,
     * reports, due date and history stay; a due date taken from the milestones follows the new
     * text's milestones, one set by the city stays.
     */
    public void carryOver(
            UUID newPlanId, int planVersion, UUID newTaskId, int newTaskNumber, LocalDate milestoneDue, Clock clock) {
        if (status == AssignmentStatus.WITHDRAWN) {
            throw new IllegalStateException("assignment " + id + " is withdrawn");
        }
        planId = newPlanId;
        taskId = newTaskId;
        taskNumber = newTaskNumber;
        if (dueDateSource != DueDateSource.CITY) {
            dueDate = milestoneDue;
            dueDateSource = milestoneDue == null ? DueDateSource.NONE : DueDateSource.MILESTONE;
        }
        updatedAt = Instant.now(clock);
        AssignmentTransition.record(
                this,
                "CARRY_OVER",
                status,
                status,
                "system",
                "计划第" + planVersion + "版沿用 / carried over to plan version " + planVersion,
                updatedAt);
    }

    /**
     * Closes the assignment because plan version {@code planVersion} ({@code planId}) no longer
     * gives it: the task was removed, or the department or county is no longer named.
     *
     * @return the state before
     */
    public AssignmentStatus withdraw(UUID byPlanId, int planVersion, String reasonZh, String reasonEn, Clock clock) {
        if (!status.open()) {
            throw new IllegalStateException("assignment " + id + " is already " + status);
        }
        AssignmentStatus before = status;
        status = AssignmentStatus.WITHDRAWN;
        withdrawnByPlanId = byPlanId;
        withdrawnInVersion = planVersion;
        updatedAt = Instant.now(clock);
        AssignmentTransition.record(
                this,
                "WITHDRAW",
                before,
                status,
                "system",
                "计划第" + planVersion + "版撤销：" + reasonZh + " / withdrawn by plan version " + planVersion + ": "
                        + reasonEn,
                updatedAt);
        return before;
    }

    /**
     * Gives the open assignment to another department or county (改派), with the city's reason in
     * the history; its state, reports and due date stay with it.
     */
    public void reassign(
            AssigneeKind kind, String department, String county, String actor, String reason, Clock clock) {
        if (!status.open()) {
            throw Problems.conflict("transition-not-allowed", "detail.transition-not-allowed", status, "REASSIGN");
        }
        String from = assigneeKind == AssigneeKind.DEPARTMENT ? departmentCode : countyCode;
        assigneeKind = kind;
        departmentCode = department;
        countyCode = county;
        updatedAt = Instant.now(clock);
        AssignmentTransition.record(
                this,
                "REASSIGN",
                status,
                status,
                actor,
                from + " → " + (department != null ? department : county) + ": " + reason,
                updatedAt);
    }

    /** Sets the due date decided by the city. */
    public void setDueDateByCity(LocalDate date) {
        dueDate = date;
        dueDateSource = DueDateSource.CITY;
    }

    /** Open and past its due date. */
    public boolean overdue(LocalDate today) {
        return status.open() && dueDate != null && dueDate.isBefore(today);
    }
}
