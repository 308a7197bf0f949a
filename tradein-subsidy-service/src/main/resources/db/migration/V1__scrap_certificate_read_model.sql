-- Read model of scrap certificates (报废机动车回收证明), built from recycling-service's
-- vehicle.scrapped events. The owner is known only by a keyed hash and masked forms.
create table scrap_certificate (
    certificate_number      text        primary key,
    dismantler_credit_code  text        not null,
    county                  char(6)     not null,
    vin                     char(17)    not null,
    owner_id_hash           char(64)    not null,
    owner_id_masked         text        not null,
    owner_name_masked       text        not null,
    first_registration_date date        not null,
    handover_date           date        not null,
    power_type              text        not null,
    status                  text        not null check (status in ('VALID', 'VOIDED')),
    source_event_id         text        not null,
    recorded_at             timestamptz not null
);
create index scrap_certificate_vin on scrap_certificate (vin);
create index scrap_certificate_owner on scrap_certificate (owner_id_hash);
create index scrap_certificate_county on scrap_certificate (county);
