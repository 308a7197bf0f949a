package cn.gov.lvliang.renewal.tasks.messaging;

/**
 * The tasks-service's event stream (docs/events/tasks-service.md). Data never carries personal
 * data; the record key is the aggregate id (plan, assignment, notice or indicator id).
 */
public final class TasksEvents {

    public static final String TOPIC = "tasks.events";

    /** A policy document was imported as a plan (version). */
    public static final String PLAN_IMPORTED = "cn.gov.lvliang.tasks.plan.imported.v1";
    /** A task was assigned to a lead department or an implementing county. */
    public static final String TASK_ASSIGNED = "cn.gov.lvliang.tasks.task.assigned.v1";
    /** An assignment moved to another state. */
    public static final String ASSIGNMENT_STATUS_CHANGED = "cn.gov.lvliang.tasks.assignment.status-changed.v1";
    /** A monthly progress report was submitted, accepted or returned. */
    public static final String PROGRESS_REPORTED = "cn.gov.lvliang.tasks.progress.reported.v1";
    /** A supervision notice (督办) was issued or escalated. */
    public static final String SUPERVISION_NOTICE_ISSUED = "cn.gov.lvliang.tasks.supervision.notice-issued.v1";
    /** An indicator's actual value changed for a county and month. */
    public static final String INDICATOR_UPDATED = "cn.gov.lvliang.tasks.indicator.updated.v1";

    /** A department of the organisation directory was added or renamed (组织机构目录). */
    public static final String DEPARTMENT_CHANGED = "cn.gov.lvliang.tasks.organisation.department-changed.v1";
    /** A county or other implementing unit of the directory was added or renamed. */
    public static final String COUNTY_CHANGED = "cn.gov.lvliang.tasks.organisation.county-changed.v1";

    private TasksEvents() {}
}
