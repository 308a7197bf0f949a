-- The indicator rebuilds (V9) are jobs of the platform's runner now (decision 0056): their rows move
-- to platform_job (platform migration V0_8, applied before this one) as kind 'indicator-rebuild',
-- the events in the history as total and the events replayed as done; the table goes.
insert into platform_job (id, kind, state, requested_by, requested_at, started_at, heartbeat_at, finished_at,
                          total, done, error)
select id, 'indicator-rebuild', state, requested_by, requested_at, started_at, heartbeat_at, finished_at,
       events_total, events_replayed, error
  from indicator_rebuild;
drop table indicator_rebuild;
