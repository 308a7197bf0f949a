-- Claim search (issue 20 §4) and applicant notifications (issue 18 §2, decision 0027).

-- Search by the applicant's phone goes through a keyed hash, like the ID number: never a plaintext
-- column. The key lives in the application's configuration (suite.pii.*), not in the database, so
-- this migration cannot fill it for existing rows: PhoneHashBackfill does, at start-up, in batches
-- (decrypt, hash, update where still null). Until it has run, a search by phone misses those rows.
alter table claim add column applicant_phone_hash char(64);
create index claim_applicant_phone on claim (applicant_phone_hash) where applicant_phone_hash is not null;

-- Search by VIN (old or new) and invoice number over every claim, also rejected and withdrawn ones
-- (claim_unique_use keeps only the live uses).
create index claim_old_vin on claim (old_vin) where old_vin is not null;
create index claim_new_vin on claim (new_vin) where new_vin is not null;
create index claim_invoice_number on claim (invoice_number);

-- Applicant notifications (通知, decision 0027). One row per (event, channel), inserted by the
-- notices consumer in the transaction that records the event in its inbox, and committed before any
-- attempt to send: the delivery then works from these rows only. The recipient is encrypted (a phone
-- is personal data); the text is rendered from templates that never hold an ID number, a bank
-- account or a full name.
create table notification (
    id              uuid        primary key,
    event_id        text        not null,
    event_type      text        not null,
    claim_id        uuid        not null,
    channel         text        not null check (channel in ('SMS', 'EMAIL')),
    recipient_encrypted text    not null,
    recipient_masked text       not null,
    subject         text,
    body            text        not null,
    state           text        not null check (state in ('QUEUED', 'SENDING', 'SENT', 'FAILED')),
    attempts        int         not null default 0,
    next_attempt_at timestamptz not null,
    lease_until     timestamptz,
    created_at      timestamptz not null,
    sent_at         timestamptz,
    last_error      text,
    unique (event_id, channel)
);
create index notification_due on notification (next_attempt_at) where state in ('QUEUED', 'SENDING');
create index notification_claim on notification (claim_id);

-- Every attempt, whatever its outcome (queued is the notification row itself).
create table notification_attempt (
    notification_id uuid        not null references notification (id),
    attempt         int         not null,
    outcome         text        not null check (outcome in ('SENT', 'FAILED')),
    reason          text,
    at              timestamptz not null,
    primary key (notification_id, attempt)
);

-- Where the filing enterprise (dealer or retailer) is told by email: the address it gives itself
-- (PUT /api/subsidies/enterprise-contact). No address, no email.
create table enterprise_contact (
    credit_code text        primary key,
    email       text        not null,
    updated_at  timestamptz not null,
    updated_by  text        not null
);
