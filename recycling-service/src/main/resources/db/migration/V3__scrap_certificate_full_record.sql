-- The scrap certificate's full field set (PRODUCT.md "Recycling records"), its lifecycle
-- (deregistration 注销, voiding 作废) and its versions. The owner's phone and address are personal
-- data: AES-GCM ciphertext only. Columns are nullable for certificates issued before this
-- migration; the API requires them for every new version.
alter table scrap_certificate
    add column owner_phone_encrypted   text,
    add column owner_address_encrypted text,
    add column vehicle_type            text,
    add column vehicle_use             text,
    add column make_and_model          text,
    add column kerb_weight_kg          integer check (kerb_weight_kg > 0),
    add column engine_number           text,
    add column battery_pack_code       text,
    add column revision                integer not null default 1 check (revision >= 1),
    add column corrected_at            timestamptz,
    add column deregistered_on         date,
    add column deregistered_at         timestamptz,
    add column deregistered_by         text,
    add column void_reason             text,
    add column voided_at               timestamptz,
    add column voided_by               text,
    add constraint scrap_certificate_void_reason check ((status = 'VOIDED') = (void_reason is not null)),
    add constraint scrap_certificate_deregistered_after_handover check (deregistered_on >= handover_date);

-- Append-only: version 1 as issued, then one row per correction. Never updated.
create table scrap_certificate_revision (
    id                      bigint generated always as identity primary key,
    certificate_id          bigint      not null references scrap_certificate (id),
    revision                integer     not null check (revision >= 1),
    county                  char(6)     not null,
    vin                     char(17)    not null,
    owner_name_encrypted    text        not null,
    owner_id_encrypted      text        not null,
    owner_id_hash           char(64)    not null,
    owner_phone_encrypted   text        not null,
    owner_address_encrypted text        not null,
    plate                   text        not null,
    first_registration_date date        not null,
    handover_date           date        not null,
    power_type              text        not null,
    vehicle_type            text        not null,
    vehicle_use             text        not null,
    make_and_model          text        not null,
    kerb_weight_kg          integer     not null check (kerb_weight_kg > 0),
    engine_number           text        not null,
    battery_pack_code       text,
    reason                  text        not null,
    recorded_at             timestamptz not null,
    recorded_by             text        not null,
    constraint scrap_certificate_revision_unique unique (certificate_id, revision)
);

-- Versions are history: refuse updates and deletes at the database too.
create function scrap_certificate_revision_immutable() returns trigger language plpgsql as $$
begin
    raise exception 'scrap_certificate_revision rows are immutable';
end;
$$;
create trigger scrap_certificate_revision_no_update
    before update or delete on scrap_certificate_revision
    for each row execute function scrap_certificate_revision_immutable();
