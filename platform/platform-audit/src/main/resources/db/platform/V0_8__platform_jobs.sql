-- Long operations as jobs, every kind in one table (platform.jobs.Jobs, decision 0056): the full
-- audit-chain verification here, and a service's own kinds (the indicator rebuild, the full budget
-- reconciliation), whose rows that service's migration moves in.
--
-- A runner on any instance claims the oldest queued job of its kind (for update skip locked) and
-- tells its progress (total, done, and for some kinds a second count) with a heartbeat; a running
-- job silent too long is failed. At most one job of a kind is queued or running. SUCCEEDED keeps
-- the work's result as JSON; FAILED its error.
create table platform_job (
    id            uuid        primary key,
    kind          text        not null,
    state         text        not null check (state in ('QUEUED', 'RUNNING', 'SUCCEEDED', 'FAILED')),
    requested_by  text        not null,
    requested_at  timestamptz not null,
    started_at    timestamptz,
    heartbeat_at  timestamptz,
    finished_at   timestamptz,
    total         bigint,
    done          bigint      not null default 0,
    counted       bigint      not null default 0,
    result        jsonb,
    error         text,
    check ((state in ('SUCCEEDED', 'FAILED')) = (finished_at is not null))
);
create unique index platform_job_one_active on platform_job (kind) where state in ('QUEUED', 'RUNNING');
create index platform_job_requested on platform_job (kind, requested_at desc);

-- The audit verifications so far (V0_7), FINISHED as SUCCEEDED with their result.
insert into platform_job (id, kind, state, requested_by, requested_at, started_at, heartbeat_at, finished_at,
                          total, done, result, error)
select id, 'audit-verification', case state when 'FINISHED' then 'SUCCEEDED' else state end,
       requested_by, requested_at, started_at, heartbeat_at, finished_at, total, checked,
       case when state = 'FINISHED'
            then jsonb_build_object('intact', intact, 'firstBrokenSeq', first_broken_seq, 'reason', reason) end,
       error
  from audit_verification;
drop table audit_verification;
