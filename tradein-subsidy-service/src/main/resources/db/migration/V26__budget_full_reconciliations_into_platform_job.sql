-- The full budget reconciliations (V22) are jobs of the platform's runner now (decision 0056): their
-- rows move to platform_job (platform migration V0_8) as kind 'budget-full-reconciliation', the last
-- entry id of the snapshot as total, the entry id read through as done, the entries read as
-- counted, the result as it was; the table goes.
insert into platform_job (id, kind, state, requested_by, requested_at, started_at, heartbeat_at, finished_at,
                          total, done, counted, result, error)
select id, 'budget-full-reconciliation', state, requested_by, requested_at, started_at, heartbeat_at,
       case when state in ('SUCCEEDED', 'FAILED') then coalesce(finished_at, heartbeat_at, started_at, requested_at) end,
       last_entry_id, read_through_id, entries_read, result, error
  from budget_full_reconciliation;
drop table budget_full_reconciliation;
