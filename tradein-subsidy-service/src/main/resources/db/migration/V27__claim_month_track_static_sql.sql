-- Filing a claim (issue 23 §4, decision 0057): the triggers of V24 (decision 0055) built their
-- statement as text and EXECUTEd it, so PostgreSQL parsed and planned it again on every insert and
-- every update of claim; measured with EXPLAIN ANALYZE on the bench's database, 0.15 ms (insert) +
-- 0.25 ms (update) of a filed claim's database time, next to 0.14 ms for the insert itself. The
-- same statements written out in the trigger function are planned once per trigger and session
-- (PL/pgSQL caches a trigger function per trigger, so the transition tables' names are known), with
-- the same rows appended: the claim's key, +1 counted in and -1 counted out, zero net changes left
-- out. claim_month_delta_sql stays for claim_month_rebuild, which reads the whole table.
create or replace function claim_month_track() returns trigger language plpgsql as $$
begin
    if TG_OP = 'INSERT' then
        insert into claim_month_delta (programme_id, county, month, claims, amount_fen, paid_amount_fen)
        select programme_id, county, date_trunc('month', timezone('Asia/Shanghai', submitted_at)),
               sum(sign), sum(sign * amount_fen), sum(sign * paid_amount_fen)
          from (select 1 as sign, r.* from new_rows r) c
         group by 1, 2, 3
        having sum(sign) <> 0 or sum(sign * amount_fen) <> 0 or sum(sign * paid_amount_fen) <> 0;
    elsif TG_OP = 'UPDATE' then
        insert into claim_month_delta (programme_id, county, month, claims, amount_fen, paid_amount_fen)
        select programme_id, county, date_trunc('month', timezone('Asia/Shanghai', submitted_at)),
               sum(sign), sum(sign * amount_fen), sum(sign * paid_amount_fen)
          from (select 1 as sign, r.* from new_rows r union all select -1, r.* from old_rows r) c
         group by 1, 2, 3
        having sum(sign) <> 0 or sum(sign * amount_fen) <> 0 or sum(sign * paid_amount_fen) <> 0;
    else
        insert into claim_month_delta (programme_id, county, month, claims, amount_fen, paid_amount_fen)
        select programme_id, county, date_trunc('month', timezone('Asia/Shanghai', submitted_at)),
               sum(sign), sum(sign * amount_fen), sum(sign * paid_amount_fen)
          from (select -1 as sign, r.* from old_rows r) c
         group by 1, 2, 3
        having sum(sign) <> 0 or sum(sign * amount_fen) <> 0 or sum(sign * paid_amount_fen) <> 0;
    end if;
    return null;
end $$;
