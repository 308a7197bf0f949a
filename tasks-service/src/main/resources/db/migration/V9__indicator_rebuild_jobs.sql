-- Rebuilding the indicators from the event history (指标重算) as a job: the request is accepted at
-- once and a scheduled runner (any instance) replays the history, telling its progress here, so that
-- no request waits for a replay of millions of events. At most one job is queued or running.
create table indicator_rebuild (
    id               uuid        primary key,
    state            text        not null check (state in ('QUEUED', 'RUNNING', 'SUCCEEDED', 'FAILED')),
    requested_by     text        not null,
    requested_at     timestamptz not null,
    started_at       timestamptz,
    heartbeat_at     timestamptz,
    finished_at      timestamptz,
    events_total     bigint      check (events_total >= 0),
    events_replayed  bigint      not null default 0 check (events_replayed >= 0),
    error            text,
    check ((state in ('SUCCEEDED', 'FAILED')) = (finished_at is not null))
);
create unique index indicator_rebuild_one_active on indicator_rebuild ((true))
    where state in ('QUEUED', 'RUNNING');
create index indicator_rebuild_requested on indicator_rebuild (requested_at desc);
