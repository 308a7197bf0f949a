-- Farm-machinery scrap certificates (农机报废回收证明, issue 21 §1), issued by a qualified
-- farm-machinery dismantler (农机回收拆解企业), corrected and voided like the car certificate
-- (decision 0041). The owner is a natural person (name and resident ID number: AES-GCM ciphertext
-- and a keyed hash, never plaintext) or an organisation (unified social credit code, name).
alter table enterprise drop constraint enterprise_type_check;
alter table enterprise add constraint enterprise_type_check check (type in ('DISMANTLER',
    'FARM_MACHINERY_DISMANTLER', 'RENEWABLE_RESOURCE_RECYCLER', 'USED_CAR_MARKET', 'REMANUFACTURER',
    'CASCADE_USE', 'BATTERY_RECYCLER', 'SECOND_HAND_ELECTRONICS'));

create table farm_machinery_certificate (
    id                      bigint generated always as identity primary key,
    certificate_number      text          not null,
    dismantler_credit_code  char(18)      not null,
    county                  char(6)       not null,
    machine_type            text          not null check (machine_type in ('TRACTOR', 'COMBINE_HARVESTER',
                                'TRANSPLANTER', 'SPRAYER', 'OTHER')),
    power_kw                numeric(7, 1) not null check (power_kw > 0),
    factory_number          text          not null,
    engine_number           text,
    make_and_model          text          not null,
    handover_date           date          not null,
    owner_kind              text          not null check (owner_kind in ('PERSON', 'ORGANISATION')),
    owner_name_encrypted    text          not null,
    owner_id_encrypted      text,
    owner_id_hash           char(64),
    owner_credit_code       char(18),
    status                  text          not null check (status in ('ISSUED', 'VOIDED')),
    revision                integer       not null check (revision >= 1),
    corrected_at            timestamptz,
    void_reason             text,
    voided_at               timestamptz,
    voided_by               text,
    issued_at               timestamptz   not null,
    issued_by               text          not null,
    version                 integer       not null default 0,
    constraint farm_machinery_certificate_number_unique unique (certificate_number),
    constraint farm_machinery_certificate_owner check (case owner_kind
        when 'PERSON' then owner_id_encrypted is not null and owner_id_hash is not null and owner_credit_code is null
        else owner_credit_code is not null and owner_id_encrypted is null and owner_id_hash is null end),
    constraint farm_machinery_certificate_void_reason check ((status = 'VOIDED') = (void_reason is not null))
);
create index farm_machinery_certificate_dismantler on farm_machinery_certificate (dismantler_credit_code);
create index farm_machinery_certificate_county on farm_machinery_certificate (county);
create index farm_machinery_certificate_factory_number on farm_machinery_certificate (factory_number);
create index farm_machinery_certificate_owner_id_hash on farm_machinery_certificate (owner_id_hash);

-- Append-only: version 1 as issued, then one row per correction. Never updated.
create table farm_machinery_certificate_revision (
    id                      bigint generated always as identity primary key,
    certificate_id          bigint        not null references farm_machinery_certificate (id),
    revision                integer       not null check (revision >= 1),
    county                  char(6)       not null,
    machine_type            text          not null,
    power_kw                numeric(7, 1) not null,
    factory_number          text          not null,
    engine_number           text,
    make_and_model          text          not null,
    handover_date           date          not null,
    owner_kind              text          not null,
    owner_name_encrypted    text          not null,
    owner_id_encrypted      text,
    owner_id_hash           char(64),
    owner_credit_code       char(18),
    reason                  text          not null,
    recorded_at             timestamptz   not null,
    recorded_by             text          not null,
    constraint farm_machinery_certificate_revision_unique unique (certificate_id, revision)
);
create function revision_rows_immutable() returns trigger language plpgsql as $$
begin
    raise exception '% rows are immutable', tg_table_name;
end;
$$;
create trigger farm_machinery_certificate_revision_no_update
    before update or delete on farm_machinery_certificate_revision
    for each row execute function revision_rows_immutable();

-- 市农业农村局 (nyncj) leads task (18), farm machinery: it reads scrap certificates, the area that
-- holds both kinds of certificate (decision 0041: the area is not split while the responsibility
-- code moves to the platform; the city narrows it with PUT /api/recycling/responsibilities/nyncj).
insert into department_responsibility (department, area) values ('nyncj', 'SCRAP_CERTIFICATES');
