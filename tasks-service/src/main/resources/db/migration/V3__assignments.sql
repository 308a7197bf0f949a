-- Assignments (任务分派): for every task, one per lead department and one per implementing county,
-- with their state, due date and the full history of transitions.
create table assignment (
    id               uuid        primary key,
    plan_id          uuid        not null references plan (id),
    task_id          uuid        not null references plan_task (id),
    task_number      integer     not null,
    assignee_kind    text        not null check (assignee_kind in ('DEPARTMENT', 'COUNTY')),
    department_code  text        references department (code),
    county_code      text        references implementing_unit (code),
    status           text        not null check (status in ('ASSIGNED', 'ACCEPTED', 'IN_PROGRESS',
                                     'COMPLETION_REQUESTED', 'COMPLETED', 'RETURNED', 'BLOCKED')),
    due_date         date,
    due_date_source  text        not null check (due_date_source in ('NONE', 'MILESTONE', 'CITY')),
    created_at       timestamptz not null,
    updated_at       timestamptz not null,
    completed_at     timestamptz,
    version          integer     not null default 0,
    constraint assignment_assignee check (
        (assignee_kind = 'DEPARTMENT' and department_code is not null and county_code is null)
        or (assignee_kind = 'COUNTY' and county_code is not null and department_code is null)),
    constraint assignment_unique unique (task_id, assignee_kind, department_code, county_code)
);
create index assignment_county on assignment (county_code, status);
create index assignment_department on assignment (department_code, status);
create index assignment_task on assignment (task_id);
create index assignment_due on assignment (due_date) where status <> 'COMPLETED';

create table assignment_transition (
    id             bigint      generated always as identity primary key,
    assignment_id  uuid        not null references assignment (id),
    action         text        not null,
    from_status    text,
    to_status      text        not null,
    actor          text        not null,
    comment        text,
    at             timestamptz not null
);
create index assignment_transition_assignment on assignment_transition (assignment_id, id);
