-- The statistics bureau's stream (统计局数据流): every event published on statistics.events, in
-- commit order (writers hold one advisory lock), for the backfill API and for rebuilding the
-- indicators. The envelopes carry no personal data (allow-list projection, keyed pseudonyms).
create table statistics_event (
    seq              bigint generated always as identity primary key,
    event_id         uuid        not null unique,
    source_event_id  text        not null unique,
    type             text        not null,
    time             timestamptz not null,
    envelope         jsonb       not null
);
create index statistics_event_type_seq on statistics_event (type, seq);
create index statistics_event_time_seq on statistics_event (time, seq);

-- Months closed (月度关账): the snapshots of a month are published once when it closes.
create table indicator_month_close (
    period       date        primary key,
    snapshot_id  uuid        not null,
    closed_at    timestamptz not null,
    constraint indicator_month_close_month check (extract(day from period) = 1)
);
