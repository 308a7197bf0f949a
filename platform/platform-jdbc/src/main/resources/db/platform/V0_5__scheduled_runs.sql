-- Scheduled jobs run once per period across every instance of a service (decision 0033): the
-- instance that inserts the (job, period) row runs it; the others find the row and skip.
create table scheduled_run (
    job         text        not null,
    period      text        not null,
    instance    text        not null,
    claimed_at  timestamptz not null default now(),
    primary key (job, period)
);
