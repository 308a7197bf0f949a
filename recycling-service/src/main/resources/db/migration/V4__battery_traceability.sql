-- Traction-battery traceability (task 50): packs and their chain of custody as signed handovers.
-- Each handover's signature is SHA-256 (hex) over the previous signature and its own content; the
-- chain starts at the pack's registration signature.
create table battery_pack (
    id                       bigint generated always as identity primary key,
    pack_code                char(24)    not null,
    source_vin               char(17)    not null,
    state_of_health_percent  integer     not null check (state_of_health_percent between 0 and 100),
    status                   text        not null check (status in ('ORIGINAL', 'REPURPOSED', 'REUSED',
                                 'REMANUFACTURED', 'WASTE')),
    holder_credit_code       char(18)    not null references enterprise (credit_code),
    county                   char(6)     not null,
    original_pack_code       char(24)    references battery_pack (pack_code),
    successor_pack_code      char(24),
    registered_by            char(18)    not null,
    received_at              timestamptz not null,
    registration_signature   char(64)    not null,
    handover_count           integer     not null check (handover_count >= 0),
    last_signed_at           timestamptz not null,
    last_signature           char(64)    not null,
    registered_at            timestamptz not null,
    version                  integer     not null default 0,
    constraint battery_pack_code_unique unique (pack_code),
    -- a repurposed pack always links to its original (it may later be reused, remanufactured or wasted)
    constraint battery_pack_repurposed_links check (status <> 'REPURPOSED' or original_pack_code is not null)
);
create index battery_pack_holder on battery_pack (holder_credit_code);
create index battery_pack_county on battery_pack (county);
create index battery_pack_source_vin on battery_pack (source_vin);

-- Append-only.
create table battery_handover (
    id                       bigint generated always as identity primary key,
    pack_id                  bigint      not null references battery_pack (id),
    sequence                 integer     not null check (sequence >= 1),
    from_credit_code         char(18)    not null,
    to_credit_code           char(18)    not null references enterprise (credit_code),
    handed_over_at           timestamptz not null,
    state_of_health_percent  integer     check (state_of_health_percent between 0 and 100),
    previous_signature       char(64)    not null,
    signature                char(64)    not null,
    recorded_at              timestamptz not null,
    constraint battery_handover_sequence_unique unique (pack_id, sequence),
    constraint battery_handover_not_to_self check (from_credit_code <> to_credit_code)
);
create index battery_handover_from on battery_handover (from_credit_code);
create index battery_handover_to on battery_handover (to_credit_code);

create function battery_handover_immutable() returns trigger language plpgsql as $$
begin
    raise exception 'battery_handover rows are immutable';
end;
$$;
create trigger battery_handover_no_update
    before update or delete on battery_handover
    for each row execute function battery_handover_immutable();
