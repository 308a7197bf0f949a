-- Equipment aggregates from a summary the database keeps (issue 23 §3, decision 0048), instead of a
-- GROUP BY over every equipment row on each call of GET /api/equipment/aggregates.
--
-- equipment_summary holds, per key, the number of records and the two investment sums: exactly
-- what the aggregate needs for every `by` (county, sector, category) and for the city, county,
-- department and statistics-bureau scopes. Its size is the number of distinct keys, not of records.
-- Keys that fall to zero stay (with zeros); the aggregate leaves them out.
--
-- Writers never update it: statement-level triggers on equipment and equipment_flag append the net
-- change of each statement, grouped by key, to equipment_summary_delta (plain inserts, no row
-- locks, so no waiting and no deadlock between writers however long their transactions).
-- equipment_summary_fold() moves the deltas into the summary (the service runs it every few
-- seconds, one instance at a time); the aggregate reads summary + deltas, so it is exact whether
-- or not the fold has run.
create table equipment_summary (
    county                   char(6) not null,
    sector_code              text    not null, -- '-' when the record has no sector
    category                 text    not null,
    status                   text    not null,
    efficiency_tier          text    not null, -- '-' when unknown
    emission_grade           char(1) not null, -- '-' when unknown
    flagged                  boolean not null, -- the record has at least one open flag
    records                  bigint  not null,
    planned_investment_fen   bigint  not null,
    completed_investment_fen bigint  not null,
    primary key (county, sector_code, category, status, efficiency_tier, emission_grade, flagged)
);

create table equipment_summary_delta (like equipment_summary);

-- The statement that appends the summary's rows of a set of equipment records: `changed` has a
-- column `sign` (+1 counted in, -1 counted out), the equipment columns and `flagged`. Zero net
-- changes are left out. The trigger functions EXECUTE it themselves: transition tables are visible
-- only in the trigger function, not in functions it calls.
create function equipment_summary_delta_sql(changed text) returns text language sql immutable as $$
    select 'insert into equipment_summary_delta select county, coalesce(sector_code, ''-''), category, status,'
        || ' coalesce(efficiency_tier, ''-''), coalesce(emission_grade, ''-''), flagged, sum(sign),'
        || ' sum(sign * coalesce(renewal_investment_fen, 0)), sum(sign * coalesce(renewal_completed_fen, 0))'
        || ' from (' || changed || ') c group by 1, 2, 3, 4, 5, 6, 7'
        || ' having sum(sign) <> 0 or sum(sign * coalesce(renewal_investment_fen, 0)) <> 0'
        || ' or sum(sign * coalesce(renewal_completed_fen, 0)) <> 0'
$$;

-- equipment: one grouped insert per statement (a 100,000-row import or COPY is one). A new record
-- has no flag yet (equipment_flag references it); an updated or deleted one has the flags it has now.
create function equipment_summary_track() returns trigger language plpgsql as $$
declare
    flagged constant text := 'exists (select 1 from equipment_flag f where f.equipment_id = r.id and f.cleared_at is null)';
begin
    if TG_OP = 'INSERT' then
        execute equipment_summary_delta_sql('select 1 as sign, r.*, false as flagged from new_rows r');
    elsif TG_OP = 'UPDATE' then
        execute equipment_summary_delta_sql('select 1 as sign, r.*, ' || flagged || ' as flagged from new_rows r'
            || ' union all select -1, r.*, ' || flagged || ' from old_rows r');
    else
        execute equipment_summary_delta_sql('select -1 as sign, r.*, ' || flagged || ' as flagged from old_rows r');
    end if;
    return null;
end $$;

create trigger equipment_summary_insert after insert on equipment
    referencing new table as new_rows for each statement execute function equipment_summary_track();
create trigger equipment_summary_update after update on equipment
    referencing old table as old_rows new table as new_rows for each statement execute function equipment_summary_track();
create trigger equipment_summary_delete after delete on equipment
    referencing old table as old_rows for each statement execute function equipment_summary_track();

-- equipment_flag: a record moves between flagged false and true only when its number of open flags
-- goes 0 → 1 or 1 → 0. The records whose count changed are locked first (in id order), so that a
-- concurrent writer of the same record (a flag, or a change of its key) has committed before the
-- counts and the record's key are read, by the next statement, with a new snapshot.
create function equipment_flag_summary_track() returns trigger language plpgsql as $$
declare
    flags text := case TG_OP
        when 'INSERT' then 'select 1 as sign, f.equipment_id, f.cleared_at from new_flags f'
        when 'DELETE' then 'select -1 as sign, f.equipment_id, f.cleared_at from old_flags f'
        else 'select 1 as sign, f.equipment_id, f.cleared_at from new_flags f'
            || ' union all select -1, f.equipment_id, f.cleared_at from old_flags f' end;
    changed text := 'select equipment_id as id, sum(sign) as opened from (' || flags || ') c'
        || ' where cleared_at is null group by 1 having sum(sign) <> 0';
begin
    execute 'select count(*) from (select 1 from equipment e where e.id in (select id from (' || changed || ') c)'
        || ' order by e.id for no key update of e) l';
    execute equipment_summary_delta_sql('select m.sign, e.*, m.flagged from (' || changed || ') c'
        || ' cross join lateral (select count(*) as now_open from equipment_flag f'
        || ' where f.equipment_id = c.id and f.cleared_at is null) n'
        || ' join equipment e on e.id = c.id'
        || ' cross join lateral (values (n.now_open > 0, 1), (n.now_open - c.opened > 0, -1)) m(flagged, sign)'
        || ' where (n.now_open > 0) <> (n.now_open - c.opened > 0)');
    return null;
end $$;

create trigger equipment_flag_summary_insert after insert on equipment_flag
    referencing new table as new_flags for each statement execute function equipment_flag_summary_track();
create trigger equipment_flag_summary_update after update on equipment_flag
    referencing old table as old_flags new table as new_flags for each statement execute function equipment_flag_summary_track();
create trigger equipment_flag_summary_delete after delete on equipment_flag
    referencing old table as old_flags for each statement execute function equipment_flag_summary_track();

-- Recounts the summary from every record (the backfill below; after a TRUNCATE, which has no
-- transition tables).
create function equipment_summary_rebuild() returns void language plpgsql as $$
begin
    delete from equipment_summary_delta;
    delete from equipment_summary;
    execute equipment_summary_delta_sql('select 1 as sign, r.*, exists (select 1 from equipment_flag f'
        || ' where f.equipment_id = r.id and f.cleared_at is null) as flagged from equipment r');
    perform equipment_summary_fold();
end $$;

create function equipment_summary_truncated() returns trigger language plpgsql as $$
begin
    perform equipment_summary_rebuild();
    return null;
end $$;

create trigger equipment_summary_truncate after truncate on equipment
    for each statement execute function equipment_summary_truncated();
create trigger equipment_flag_summary_truncate after truncate on equipment_flag
    for each statement execute function equipment_summary_truncated();

-- Moves the deltas into the summary, in key order; one fold at a time (another returns 0 at once).
-- A delta row is moved once: a concurrent delete of the same rows waits and then skips them.
create function equipment_summary_fold() returns bigint language plpgsql as $$
declare
    folded bigint;
begin
    if not pg_try_advisory_xact_lock(hashtext('equipment-summary-fold')) then
        return 0;
    end if;
    with moved as (delete from equipment_summary_delta returning *)
    insert into equipment_summary
    select county, sector_code, category, status, efficiency_tier, emission_grade, flagged,
           sum(records), sum(planned_investment_fen), sum(completed_investment_fen)
    from moved group by 1, 2, 3, 4, 5, 6, 7 order by 1, 2, 3, 4, 5, 6, 7
    on conflict (county, sector_code, category, status, efficiency_tier, emission_grade, flagged) do update
        set records = equipment_summary.records + excluded.records,
            planned_investment_fen = equipment_summary.planned_investment_fen + excluded.planned_investment_fen,
            completed_investment_fen = equipment_summary.completed_investment_fen + excluded.completed_investment_fen;
    get diagnostics folded = row_count;
    return folded;
end $$;

select equipment_summary_rebuild();
