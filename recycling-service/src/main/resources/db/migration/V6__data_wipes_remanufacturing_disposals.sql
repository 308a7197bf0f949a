-- Data-wipe certificates for second-hand electronics (task 46), remanufacturing records (task 49)
-- and disposal records opened from equipment retirements (flow 3).
create table data_wipe_certificate (
    id                       bigint generated always as identity primary key,
    certificate_id           text        not null unique,
    enterprise_credit_code   char(18)    not null references enterprise (credit_code),
    county                   char(6)     not null,
    device_type              text        not null,
    device_id                text        not null,
    method                   text        not null,
    -- the operator is a person: AES-GCM ciphertext only
    operator_name_encrypted  text        not null,
    wiped_at                 timestamptz not null,
    verification_result      text        not null check (verification_result in ('PASSED', 'FAILED')),
    verification_note        text,
    recorded_at              timestamptz not null,
    recorded_by              text        not null
);
create index data_wipe_certificate_enterprise on data_wipe_certificate (enterprise_credit_code);
create index data_wipe_certificate_device on data_wipe_certificate (device_id);

create table remanufacturing_record (
    id                       bigint generated always as identity primary key,
    record_id                text          not null unique,
    enterprise_credit_code   char(18)      not null references enterprise (credit_code),
    county                   char(6)       not null,
    source_equipment         text          not null,
    source_equipment_id      text,
    product                  text          not null,
    product_serial           text          not null,
    certification_number     text          not null,
    certification_body       text          not null,
    certified_on             date          not null,
    steel_kg                 numeric(12,3) not null check (steel_kg >= 0),
    non_ferrous_kg           numeric(12,3) not null check (non_ferrous_kg >= 0),
    plastics_kg              numeric(12,3) not null check (plastics_kg >= 0),
    glass_kg                 numeric(12,3) not null check (glass_kg >= 0),
    other_kg                 numeric(12,3) not null check (other_kg >= 0),
    recorded_at              timestamptz   not null,
    recorded_by              text          not null
);
create index remanufacturing_record_enterprise on remanufacturing_record (enterprise_credit_code);

create table disposal_record (
    id                   bigint generated always as identity primary key,
    equipment_id         text          not null unique,
    unit_credit_code     text          not null,
    county               text          not null,
    name                 text          not null,
    category             text,
    retired_on           date          not null,
    planned_disposal     text,
    source_event_id      text          not null,
    opened_at            timestamptz   not null,
    status               text          not null check (status in ('OPEN', 'CLOSED')),
    outcome              text          check (outcome in ('SCRAPPED', 'REMANUFACTURED', 'SOLD_SECOND_HAND')),
    handler_credit_code  char(18)      references enterprise (credit_code),
    closed_on            date,
    closed_at            timestamptz,
    closed_by            text,
    steel_kg             numeric(12,3) check (steel_kg >= 0),
    non_ferrous_kg       numeric(12,3) check (non_ferrous_kg >= 0),
    plastics_kg          numeric(12,3) check (plastics_kg >= 0),
    glass_kg             numeric(12,3) check (glass_kg >= 0),
    other_kg             numeric(12,3) check (other_kg >= 0),
    version              integer       not null default 0,
    constraint disposal_record_closed check ((status = 'CLOSED') = (outcome is not null and closed_on is not null
        and handler_credit_code is not null))
);
create index disposal_record_county on disposal_record (county, status);
create index disposal_record_handler on disposal_record (handler_credit_code);
