-- Verifying the audit chain without re-hashing the whole trail on every request (decision 0051).
--
-- audit_checkpoint: the last record a verification found intact (its seq and hash, when, by which
-- run). GET .../audit-records/verification re-checks that record and re-hashes only the records
-- after it, then moves the checkpoint forward. One row.
create table audit_checkpoint (
    id           boolean     primary key default true check (id),
    seq          bigint      not null check (seq > 0),
    hash         char(64)    not null,
    verified_at  timestamptz not null,
    verified_by  text        not null
);

-- audit_verification: full verifications from the first record, as jobs (POST .../verifications).
-- A runner on any instance claims a queued job (for update skip locked) and tells its progress
-- after every batch (heartbeat_at); a running job silent too long is failed. At most one job is
-- queued or running. FINISHED has a result (intact, or the first broken seq and why); FAILED
-- means the run could not finish (error).
create table audit_verification (
    id                uuid        primary key,
    state             text        not null check (state in ('QUEUED', 'RUNNING', 'FINISHED', 'FAILED')),
    requested_by      text        not null,
    requested_at      timestamptz not null,
    started_at        timestamptz,
    heartbeat_at      timestamptz,
    finished_at       timestamptz,
    total             bigint      check (total >= 0),
    checked           bigint      not null default 0 check (checked >= 0),
    intact            boolean,
    first_broken_seq  bigint,
    reason            text,
    error             text,
    check ((state in ('FINISHED', 'FAILED')) = (finished_at is not null)),
    check ((state = 'FINISHED') = (intact is not null))
);
create unique index audit_verification_one_active on audit_verification ((true))
    where state in ('QUEUED', 'RUNNING');
create index audit_verification_requested on audit_verification (requested_at desc);
