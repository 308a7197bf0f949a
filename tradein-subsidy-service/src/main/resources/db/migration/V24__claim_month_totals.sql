-- The claims' monthly totals (分项目分月申请与补贴汇总, GET /api/subsidies/claims/monthly-totals) from a
-- summary the database keeps (issue 23, decision 0055), instead of a GROUP BY over every claim on each
-- call: 62 ms at 10⁵ claims, linear in the claims, so seconds at 10⁷.
--
-- claim_month_total holds, per programme, county and month of submission (China's wall clock, the
-- expression of index claim_monthly_totals, V20), the number of claims and the two amounts: what the
-- totals need for the city, county, department and statistics-bureau scopes and every filter. An
-- enterprise's scope is its own claims by seller, which the summary does not key: those read the
-- claims themselves (bounded by the enterprise's own claims). Keys that fall to zero stay.
--
-- Writers never update it: statement-level triggers on claim append each statement's net change,
-- grouped by key, to claim_month_delta (plain inserts: no row lock, no waiting, no deadlock between
-- writers). A status change moves no amount and appends nothing. claim_month_fold() moves the deltas
-- into the summary (the service runs it every few seconds); the totals read summary + deltas, so they
-- are exact whether or not the fold has run. The same design as equipment's summary (decision 0048).
create table claim_month_total (
    id              bigserial primary key,
    programme_id    text      not null,
    county          char(6)   not null,
    month           timestamp not null, -- first moment of the month of submission in Asia/Shanghai
    claims          bigint    not null,
    amount_fen      bigint    not null,
    paid_amount_fen bigint    not null,
    unique (programme_id, county, month)
);

create table claim_month_delta (
    id              bigserial primary key,
    programme_id    text      not null,
    county          char(6)   not null,
    month           timestamp not null,
    claims          bigint    not null,
    amount_fen      bigint    not null,
    paid_amount_fen bigint    not null
);

-- The statement that appends the deltas of a set of claims: `changed` has a column `sign` (+1 counted
-- in, -1 counted out) and the claim's columns. Zero net changes are left out. The trigger function
-- EXECUTEs it itself: transition tables are visible only in the trigger function.
create function claim_month_delta_sql(changed text) returns text language sql immutable as $$
    select 'insert into claim_month_delta (programme_id, county, month, claims, amount_fen, paid_amount_fen)'
        || ' select programme_id, county, date_trunc(''month'', timezone(''Asia/Shanghai'', submitted_at)),'
        || ' sum(sign), sum(sign * amount_fen), sum(sign * paid_amount_fen)'
        || ' from (' || changed || ') c group by 1, 2, 3'
        || ' having sum(sign) <> 0 or sum(sign * amount_fen) <> 0 or sum(sign * paid_amount_fen) <> 0'
$$;

create function claim_month_track() returns trigger language plpgsql as $$
begin
    if TG_OP = 'INSERT' then
        execute claim_month_delta_sql('select 1 as sign, r.* from new_rows r');
    elsif TG_OP = 'UPDATE' then
        execute claim_month_delta_sql('select 1 as sign, r.* from new_rows r'
            || ' union all select -1, r.* from old_rows r');
    else
        execute claim_month_delta_sql('select -1 as sign, r.* from old_rows r');
    end if;
    return null;
end $$;

create trigger claim_month_insert after insert on claim
    referencing new table as new_rows for each statement execute function claim_month_track();
create trigger claim_month_update after update on claim
    referencing old table as old_rows new table as new_rows for each statement execute function claim_month_track();
create trigger claim_month_delete after delete on claim
    referencing old table as old_rows for each statement execute function claim_month_track();

-- Moves the deltas into the summary, in key order; one fold at a time (another returns 0 at once).
-- A delta row is moved once: a concurrent delete of the same rows waits and then skips them.
create function claim_month_fold() returns bigint language plpgsql as $$
declare
    folded bigint;
begin
    if not pg_try_advisory_xact_lock(hashtext('claim-month-fold')) then
        return 0;
    end if;
    with moved as (delete from claim_month_delta returning *)
    insert into claim_month_total (programme_id, county, month, claims, amount_fen, paid_amount_fen)
    select programme_id, county, month, sum(claims), sum(amount_fen), sum(paid_amount_fen)
    from moved group by 1, 2, 3 order by 1, 2, 3
    on conflict (programme_id, county, month) do update
        set claims = claim_month_total.claims + excluded.claims,
            amount_fen = claim_month_total.amount_fen + excluded.amount_fen,
            paid_amount_fen = claim_month_total.paid_amount_fen + excluded.paid_amount_fen;
    get diagnostics folded = row_count;
    return folded;
end $$;

-- Recounts the summary from every claim (the backfill below; after a TRUNCATE, which has no
-- transition tables).
create function claim_month_rebuild() returns void language plpgsql as $$
begin
    delete from claim_month_delta;
    delete from claim_month_total;
    execute claim_month_delta_sql('select 1 as sign, r.* from claim r');
    perform claim_month_fold();
end $$;

create function claim_month_truncated() returns trigger language plpgsql as $$
begin
    perform claim_month_rebuild();
    return null;
end $$;

create trigger claim_month_truncate after truncate on claim
    for each statement execute function claim_month_truncated();

select claim_month_rebuild();
