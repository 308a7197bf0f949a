-- Budget ledger (预算账户 and journal). One account per programme × county × funding source.
-- The guard reserved + posted <= allocated lives here: a CHECK constraint, and conditional
-- updates in BudgetLedger that test the row count.
create table budget_account (
    id                  bigint      generated always as identity primary key,
    programme_id        text        not null references programme (id),
    county              char(6)     not null,
    funding_source      text        not null check (funding_source in ('CENTRAL', 'PROVINCIAL', 'CITY', 'COUNTY')),
    allocated_fen       bigint      not null default 0 check (allocated_fen >= 0),
    reserved_fen        bigint      not null default 0 check (reserved_fen >= 0),
    posted_fen          bigint      not null default 0 check (posted_fen >= 0),
    low_announced       boolean     not null default false,
    exhausted_announced boolean     not null default false,
    unique (programme_id, county, funding_source),
    constraint budget_never_overspent check (reserved_fen + posted_fen <= allocated_fen)
);

create table budget_journal (
    id           bigint      generated always as identity primary key,
    account_id   bigint      not null references budget_account (id),
    entry_type   text        not null check (entry_type in ('ALLOCATE', 'RESERVE', 'POST', 'RELEASE')),
    amount_fen   bigint      not null check (amount_fen > 0),
    claim_id     uuid,
    top_up_id    uuid,
    note         text,
    actor        text        not null,
    recorded_at  timestamptz not null
);
create index budget_journal_account on budget_journal (account_id);
create index budget_journal_claim on budget_journal (claim_id);
