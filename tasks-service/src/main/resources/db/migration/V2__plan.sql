-- The plan imported from a policy document (吕政发〔2024〕4号): actions → projects → tasks, the lead
-- departments of each task and its candidate milestones. A revised document (same number, other
-- text) is a new plan version; nothing imported is overwritten.

-- Departments and companies named in the tasks' closing parentheses (牵头单位). The code is
-- stable; the name may be edited; source_name is the name as the document writes it.
create table department (
    code         text        primary key,
    name         text        not null,
    source_name  text        not null unique,
    kind         text        not null check (kind in ('DEPARTMENT', 'COMPANY', 'OTHER')),
    created_at   timestamptz not null,
    version      integer     not null default 0
);

-- Units that implement tasks besides the lead departments: the 13 counties (from V1) and the
-- city's other areas (吕梁新区, the provincial development zones), which the city can add.
create table implementing_unit (
    code                   text    primary key,
    name                   text    not null unique,
    kind                   text    not null check (kind in ('COUNTY', 'NEW_DISTRICT', 'DEVELOPMENT_ZONE')),
    implements_every_task  boolean not null,
    version                integer not null default 0
);
insert into implementing_unit (code, name, kind, implements_every_task)
    select code, name, 'COUNTY', true from county;
insert into implementing_unit (code, name, kind, implements_every_task) values
    ('LLXQ', '吕梁新区', 'NEW_DISTRICT', false);

create table plan (
    id                uuid        primary key,
    document_number   text        not null,
    plan_version      integer     not null,
    status            text        not null check (status in ('CURRENT', 'SUPERSEDED')),
    title             text,
    issuer            text,
    issued_on         date,
    content_hash      char(64)    not null,
    source_text       text        not null,
    cited_documents   jsonb       not null,
    rules             jsonb       not null,
    targets           jsonb       not null,
    report            jsonb       not null,
    diff              jsonb,
    previous_plan_id  uuid        references plan (id),
    imported_at       timestamptz not null,
    imported_by       text        not null,
    version           integer     not null default 0,
    constraint plan_content_unique unique (content_hash),
    constraint plan_version_unique unique (document_number, plan_version)
);

create table plan_action (
    id       uuid    primary key,
    plan_id  uuid    not null references plan (id),
    number   integer not null,
    label    text    not null,
    title    text    not null
);
create index plan_action_plan on plan_action (plan_id, number);

create table plan_project (
    id         uuid    primary key,
    plan_id    uuid    not null references plan (id),
    action_id  uuid    not null references plan_action (id),
    number     integer not null,
    title      text    not null,
    text       text    not null
);
create index plan_project_plan on plan_project (plan_id, number);

create table plan_task (
    id                    uuid    primary key,
    plan_id               uuid    not null references plan (id),
    project_id            uuid    not null references plan_project (id),
    number                integer not null,
    title                 text    not null,
    text                  text    not null,
    departments_complete  boolean not null,
    counties_implement    boolean not null
);
create index plan_task_plan on plan_task (plan_id, number);

-- 牵头单位 (LEAD) and co-operating companies (COOPERATING) of a task, in the document's order.
create table task_lead_department (
    task_id          uuid    not null references plan_task (id),
    department_code  text    not null references department (code),
    role             text    not null check (role in ('LEAD', 'COOPERATING')),
    position         integer not null,
    primary key (task_id, department_code)
);
create index task_lead_department_code on task_lead_department (department_code);

-- Candidate milestones and targets found in a task's text (到2025年底, 659个).
create table milestone (
    id             uuid    primary key,
    task_id        uuid    not null references plan_task (id),
    position       integer not null,
    clause         text    not null,
    deadline_text  text,
    due_date       date,
    quantities     jsonb   not null
);
create index milestone_task on milestone (task_id);
