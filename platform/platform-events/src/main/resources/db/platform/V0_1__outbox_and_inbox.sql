-- The event platform's tables, present in every service database.
-- Versioned below V1 so that each service's own migrations start at V1.

-- Transactional outbox: written in the same transaction as the state change it announces,
-- published to Kafka by the relay (OutboxRelay), then marked sent.
create table outbox_event (
    id            bigint generated always as identity primary key,
    event_id      uuid        not null unique,
    topic         text        not null,
    aggregate_id  text        not null,
    type          text        not null,
    envelope      jsonb       not null,
    created_at    timestamptz not null default now(),
    sent_at       timestamptz,
    attempts      integer     not null default 0,
    last_error    text
);
-- The relay reads unsent rows in id order; this index stays small because sent rows leave it.
create index outbox_event_unsent on outbox_event (id) where sent_at is null;
create index outbox_event_sent_at on outbox_event (sent_at) where sent_at is not null;

-- Idempotent consumers: one row per (consumer, event) processed, written in the same
-- transaction as the event's effect, so a redelivered event has no second effect.
create table inbox_event (
    consumer      text        not null,
    event_id      text        not null,
    type          text        not null,
    processed_at  timestamptz not null default now(),
    primary key (consumer, event_id)
);
