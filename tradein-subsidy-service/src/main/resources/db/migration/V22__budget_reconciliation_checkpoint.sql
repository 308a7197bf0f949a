-- The budget's reconciliation from a checkpoint (decision 0050). The journal is append-only; a fold
-- adds the entries of transactions certain to be finished to per-account sums; the reconciliation
-- reads those sums plus the entries written since (the view budget_account_reconciliation, which
-- the API, the gauges and CloudNativePG's exporter all query).

-- 1. Append-only: a correction is a new entry, never an edit. (A superuser can still bypass the
--    triggers; the full recomputation, BudgetReconciliations' job, reads every entry again.)
create function budget_journal_is_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'budget_journal is append-only (decision 0050)';
end
$$;

create trigger budget_journal_no_update_or_delete before update or delete on budget_journal
    for each row execute function budget_journal_is_append_only();
create trigger budget_journal_no_truncate before truncate on budget_journal
    for each statement execute function budget_journal_is_append_only();

-- 2. The transaction that wrote each entry (64-bit: no wraparound). Entries written before this
--    migration keep null (no table rewrite); the first fold takes them.
alter table budget_journal add column xact_id xid8;
alter table budget_journal alter column xact_id set default pg_current_xact_id();
alter table budget_journal add constraint budget_journal_xact_id_given check (xact_id is not null) not valid;
create index budget_journal_xact on budget_journal (xact_id) where xact_id is not null;

-- 3. The checkpoint: sums of every entry whose transaction id is below folded_below (and of the
--    entries without one); null while nothing is folded. Written together, in the fold's transaction.
create table budget_journal_sum (
    account_id     bigint primary key references budget_account (id),
    allocated_fen  bigint not null,
    reserved_fen   bigint not null,
    posted_fen     bigint not null,
    released_fen   bigint not null,
    entries        bigint not null
);

create table budget_journal_checkpoint (
    id            boolean primary key default true check (id),
    folded_below  xid8,
    entries       bigint not null default 0,
    folded_at     timestamptz
);
insert into budget_journal_checkpoint (id) values (true);

-- The entries not in the sums yet. Each branch is a one-time filtered scan: the first uses the
-- index from the checkpoint on; the second reads the whole journal, and only before the first fold.
create view budget_journal_unfolded as
select j.* from budget_journal j
 where j.xact_id >= (select folded_below from budget_journal_checkpoint)
union all
select j.* from budget_journal j
 where (select folded_below from budget_journal_checkpoint) is null;

-- Every account's stored balances beside the ones its journal gives (checkpoint + entries since),
-- in one statement's snapshot. difference_fen: the absolute differences of allocated, reserved and
-- posted added up; 0 when the account agrees with its journal.
create view budget_account_reconciliation as
with unfolded as (
    select account_id,
           sum(amount_fen) filter (where entry_type = 'ALLOCATE') as allocated,
           sum(amount_fen) filter (where entry_type = 'RESERVE') as reserved,
           sum(amount_fen) filter (where entry_type = 'POST') as posted,
           sum(amount_fen) filter (where entry_type = 'RELEASE') as released
      from budget_journal_unfolded
     group by account_id
), journal as (
    select a.*,
           coalesce(s.allocated_fen, 0) + coalesce(u.allocated, 0) as allocated,
           coalesce(s.reserved_fen, 0) + coalesce(u.reserved, 0)
             - coalesce(s.posted_fen, 0) - coalesce(u.posted, 0)
             - coalesce(s.released_fen, 0) - coalesce(u.released, 0) as reserved,
           coalesce(s.posted_fen, 0) + coalesce(u.posted, 0) as posted
      from budget_account a
      left join budget_journal_sum s on s.account_id = a.id
      left join unfolded u on u.account_id = a.id
)
select id, programme_id, county, funding_source, allocated_fen, reserved_fen, posted_fen,
       allocated as journal_allocated_fen, reserved as journal_reserved_fen, posted as journal_posted_fen,
       abs(allocated - allocated_fen) + abs(reserved - reserved_fen) + abs(posted - posted_fen) as difference_fen
  from journal;

-- The fold: adds the unfolded entries of every transaction older than the oldest one still running
-- (pg_snapshot_xmin: such a transaction has committed or aborted, and no later one can take a lower
-- id) to the sums, and moves the checkpoint there, in one transaction. A bigserial id is no such
-- boundary: ids are drawn when a row is written and commit in any order. One fold at a time (the
-- checkpoint row, skip locked); returns the entries folded, or -1 when another fold is running.
create function budget_journal_fold() returns bigint language plpgsql as $$
declare
    below_before xid8;
    below_now xid8;
    folded bigint;
begin
    select folded_below into below_before from budget_journal_checkpoint for update skip locked;
    if not found then
        return -1;
    end if;
    below_now := pg_snapshot_xmin(pg_current_snapshot());
    if below_now <= below_before then
        return 0;
    end if;
    with delta as (
        select account_id,
               coalesce(sum(amount_fen) filter (where entry_type = 'ALLOCATE'), 0) as allocated,
               coalesce(sum(amount_fen) filter (where entry_type = 'RESERVE'), 0) as reserved,
               coalesce(sum(amount_fen) filter (where entry_type = 'POST'), 0) as posted,
               coalesce(sum(amount_fen) filter (where entry_type = 'RELEASE'), 0) as released,
               count(*) as entries
          from budget_journal_unfolded
         where xact_id < below_now or xact_id is null
         group by account_id
    ), added as (
        insert into budget_journal_sum as s
               (account_id, allocated_fen, reserved_fen, posted_fen, released_fen, entries)
        select account_id, allocated, reserved, posted, released, entries from delta order by account_id
        on conflict (account_id) do update
           set allocated_fen = s.allocated_fen + excluded.allocated_fen,
               reserved_fen = s.reserved_fen + excluded.reserved_fen,
               posted_fen = s.posted_fen + excluded.posted_fen,
               released_fen = s.released_fen + excluded.released_fen,
               entries = s.entries + excluded.entries
    )
    select coalesce(sum(entries), 0) into folded from delta;
    update budget_journal_checkpoint
       set folded_below = below_now, entries = entries + folded, folded_at = now();
    return folded;
end
$$;

-- 4. The full recomputation from the first entry, as a job (FullReconciliations): one queued or
--    running at a time; its result (jsonb) compares the accounts and the checkpoint with it.
create table budget_full_reconciliation (
    id               uuid        primary key,
    state            text        not null check (state in ('QUEUED', 'RUNNING', 'SUCCEEDED', 'FAILED')),
    requested_by     text        not null,
    requested_at     timestamptz not null,
    started_at       timestamptz,
    finished_at      timestamptz,
    heartbeat_at     timestamptz,
    last_entry_id    bigint,
    read_through_id  bigint      not null default 0,
    entries_read     bigint      not null default 0,
    result           jsonb,
    error            text
);
create unique index budget_full_reconciliation_one_active on budget_full_reconciliation ((true))
    where state in ('QUEUED', 'RUNNING');
create index budget_full_reconciliation_requested on budget_full_reconciliation (requested_at desc);
