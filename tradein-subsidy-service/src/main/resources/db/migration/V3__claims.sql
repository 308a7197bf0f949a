-- Claims (申请). The applicant's personal data is stored encrypted (AES-GCM, column bound as
-- associated data) beside a keyed hash for matching; never in plaintext.
create table claim (
    id                        uuid        primary key,
    programme_id              text        not null references programme (id),
    category                  text        not null,
    rule_version_id           bigint      not null references rule_version (id),
    rule_version              integer     not null,
    county                    char(6)     not null,
    seller_credit_code        text        not null,
    filed_by_role             text        not null,
    submitted_by              text        not null,
    applicant_id_hash         char(64)    not null,
    applicant_id_encrypted    text        not null,
    applicant_id_masked       text        not null,
    applicant_name_encrypted  text        not null,
    applicant_name_masked     text        not null,
    applicant_phone_encrypted text,
    bank_account_encrypted    text        not null,
    bank_account_masked       text        not null,
    delivery_address_hash     char(64),
    delivery_address_encrypted text,
    claimant_pseudonym        char(64)    not null,
    purchase_date             date        not null,
    -- items
    product_category          text,
    model                     text,
    serial_number             text,
    invoice_number            text        not null,
    price_fen                 bigint      not null check (price_fen > 0),
    efficiency_grade          integer,
    scrap_certificate_number  text,
    old_vin                   char(17),
    new_vin                   char(17),
    new_car_power_type        text,
    new_car_displacement_ml   integer,
    -- amount as computed by the rule version in force on the purchase date
    amount_fen                bigint      not null check (amount_fen >= 0),
    computation               text        not null,
    status                    text        not null check (status in ('SUBMITTED', 'VERIFYING', 'PENDING_REVIEW',
                                  'QUEUED', 'APPROVED', 'PAID', 'REJECTED', 'WITHDRAWN', 'RETURNED')),
    waiting_for_certificate   boolean     not null default false,
    reason_code               text,
    reason_note               text,
    flags                     text[]      not null default '{}',
    submitted_at              timestamptz not null,
    accepted_at               timestamptz,
    reviewed_by               text,
    reviewed_at               timestamptz,
    approved_at               timestamptz,
    paid_at                   timestamptz,
    accept_due                timestamptz not null,
    review_due                timestamptz,
    pay_due                   timestamptz,
    payment_batch_id          uuid,
    paid_amount_fen           bigint      not null default 0 check (paid_amount_fen >= 0),
    version                   bigint      not null default 0
);
create index claim_county_status on claim (county, status);
create index claim_seller on claim (seller_credit_code);
create index claim_applicant on claim (applicant_id_hash, programme_id);
create index claim_queued on claim (programme_id, county, approved_at) where status = 'QUEUED';
create index claim_waiting on claim (scrap_certificate_number) where waiting_for_certificate;
create index claim_model_price on claim (seller_credit_code, model);
create index claim_address on claim (delivery_address_hash);

-- Every automatic check, per verification run, with its outcome and evidence.
create table claim_check (
    id           bigint      generated always as identity primary key,
    claim_id     uuid        not null references claim (id),
    run          integer     not null,
    code         text        not null,
    outcome      text        not null check (outcome in ('PASSED', 'FAILED', 'FLAGGED', 'WAITING', 'MANUAL')),
    reason_code  text,
    evidence     text        not null,
    checked_at   timestamptz not null
);
create index claim_check_claim on claim_check (claim_id, run);

-- Audit trail of state changes: who, when, from, to, why.
create table claim_transition (
    id           bigint      generated always as identity primary key,
    claim_id     uuid        not null references claim (id),
    from_status  text,
    to_status    text        not null,
    actor        text        not null,
    reason_code  text,
    note         text,
    at           timestamptz not null
);
create index claim_transition_claim on claim_transition (claim_id);

-- Things that may back one live claim only: a scrap certificate, an invoice, a serial number,
-- a new car's VIN (never both scrappage and replacement). The primary key is the guard; a
-- rejected or withdrawn claim gives its keys back.
create table claim_unique_use (
    kind       text        not null check (kind in ('CERTIFICATE', 'INVOICE', 'SERIAL', 'NEW_VIN')),
    value      text        not null,
    claim_id   uuid        not null references claim (id),
    used_at    timestamptz not null,
    primary key (kind, value)
);
create index claim_unique_use_claim on claim_unique_use (claim_id);

-- Idempotency-Key of claim creation: one row per (caller, key). The request is kept only as a
-- keyed hash; the response as returned (masked).
create table idempotency_key (
    caller           text        not null,
    idempotency_key  text        not null,
    request_hash     char(64)    not null,
    state            text        not null check (state in ('IN_FLIGHT', 'DONE')),
    response_status  integer,
    response_body    text,
    created_at       timestamptz not null,
    primary key (caller, idempotency_key)
);
