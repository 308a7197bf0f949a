-- Monthly progress reports (进展报告) per assignment, reviewed by the lead department; a returned
-- report stays in the history and a new one is submitted.
create table progress_report (
    id              uuid        primary key,
    assignment_id   uuid        not null references assignment (id),
    period          date        not null check (extract(day from period) = 1),
    narrative       text        not null,
    percent_complete integer    not null check (percent_complete between 0 and 100),
    metric_values   jsonb       not null,
    evidence_links  jsonb       not null,
    status          text        not null check (status in ('SUBMITTED', 'ACCEPTED', 'RETURNED')),
    submitted_by    text        not null,
    submitted_at    timestamptz not null,
    reviewed_by     text,
    reviewed_at     timestamptz,
    review_comment  text,
    version         integer     not null default 0
);
create index progress_report_assignment on progress_report (assignment_id, period);
-- at most one live (not returned) report per assignment and month
create unique index progress_report_live on progress_report (assignment_id, period) where status <> 'RETURNED';

-- Supervision notices (督办通知): overdue work and missing monthly reports; they escalate.
create table supervision_notice (
    id             uuid        primary key,
    assignment_id  uuid        not null references assignment (id),
    reason         text        not null check (reason in ('OVERDUE', 'MISSING_REPORT')),
    period         date,
    level          integer     not null check (level >= 1),
    status         text        not null check (status in ('OPEN', 'RESOLVED')),
    issued_at      timestamptz not null,
    escalated_at   timestamptz,
    resolved_at    timestamptz,
    version        integer     not null default 0
);
create unique index supervision_notice_open on supervision_notice (assignment_id, reason, coalesce(period, date '1970-01-01'))
    where status = 'OPEN';
create index supervision_notice_status on supervision_notice (status);
