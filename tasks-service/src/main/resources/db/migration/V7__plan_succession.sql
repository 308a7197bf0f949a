-- A new version of a plan carries over what did not change (decision 0019): an assignment of a task
-- that continues in the new version moves to it (plan_id, task_id and task_number change; its
-- state, reports, due date and history stay); one of a removed task, of a dropped lead department
-- or of a county that no longer implements the task closes as WITHDRAWN and stays on the version
-- it belonged to, naming the version that withdrew it.
alter table assignment drop constraint assignment_status_check;
alter table assignment add constraint assignment_status_check check (status in ('ASSIGNED', 'ACCEPTED',
    'IN_PROGRESS', 'COMPLETION_REQUESTED', 'COMPLETED', 'RETURNED', 'BLOCKED', 'WITHDRAWN'));
alter table assignment add column withdrawn_by_plan_id uuid references plan (id);
alter table assignment add column withdrawn_in_version integer;
alter table assignment add constraint assignment_withdrawn check (
    (status = 'WITHDRAWN') = (withdrawn_by_plan_id is not null and withdrawn_in_version is not null));
