-- Payment batches (拨付批次): approved claims and top-ups grouped for the treasury.
create table payment_batch (
    id            uuid        primary key,
    programme_id  text        not null references programme (id),
    county        char(6)     not null,
    created_by    text        not null,
    created_at    timestamptz not null,
    total_fen     bigint      not null check (total_fen >= 0),
    item_count    integer     not null
);

-- Retroactive top-ups (补差): a later rule version raised the amount of a paid claim.
create table top_up (
    id                 uuid        primary key,
    claim_id           uuid        not null references claim (id),
    from_rule_version  integer     not null,
    to_rule_version    integer     not null,
    amount_fen         bigint      not null check (amount_fen > 0),
    status             text        not null check (status in ('QUEUED', 'RESERVED', 'PAID', 'RELEASED')),
    payment_batch_id   uuid,
    created_at         timestamptz not null,
    unique (claim_id, to_rule_version)
);

create table payment_item (
    id              bigint      generated always as identity primary key,
    batch_id        uuid        not null references payment_batch (id),
    claim_id        uuid        not null references claim (id),
    top_up_id       uuid        references top_up (id),
    kind            text        not null check (kind in ('PAYMENT', 'TOP_UP')),
    amount_fen      bigint      not null check (amount_fen > 0),
    outcome         text        not null check (outcome in ('PENDING', 'PAID', 'FAILED')),
    bank_reference  text,
    failure_reason  text,
    retry           boolean,
    recorded_at     timestamptz,
    item_no         integer     not null,
    unique (batch_id, item_no)
);
create index payment_item_claim on payment_item (claim_id);
