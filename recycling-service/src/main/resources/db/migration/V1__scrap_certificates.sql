-- Scrap certificates (报废机动车回收证明) issued by licensed dismantlers.
-- The owner's ID number is stored only encrypted (AES-GCM) and as a keyed hash for matching.
create table scrap_certificate (
    id                      bigint generated always as identity primary key,
    certificate_number      text        not null,
    dismantler_credit_code  text        not null,
    county                  char(6)     not null,
    vin                     char(17)    not null,
    owner_name_encrypted    text        not null,
    owner_id_encrypted      text        not null,
    owner_id_hash           char(64)    not null,
    plate                   text        not null,
    first_registration_date date        not null,
    handover_date           date        not null,
    power_type              text        not null check (power_type in ('FUEL', 'DIESEL', 'NEV')),
    status                  text        not null check (status in ('ISSUED', 'VOIDED')),
    issued_at               timestamptz not null,
    issued_by               text        not null,
    version                 integer     not null default 0,
    constraint scrap_certificate_number_unique unique (certificate_number),
    constraint scrap_certificate_dates check (first_registration_date <= handover_date)
);
create index scrap_certificate_dismantler on scrap_certificate (dismantler_credit_code);
create index scrap_certificate_county on scrap_certificate (county);
create index scrap_certificate_vin on scrap_certificate (vin);
