-- Licensed recycling enterprises (回收企业) with their qualification (资质), its history, and the
-- three-level collection network (交投点 → 中转站 → 分拣中心).
create table enterprise (
    id                       bigint generated always as identity primary key,
    credit_code              char(18)    not null,
    name                     text        not null,
    type                     text        not null check (type in ('DISMANTLER', 'RENEWABLE_RESOURCE_RECYCLER',
                                 'USED_CAR_MARKET', 'REMANUFACTURER', 'CASCADE_USE', 'BATTERY_RECYCLER',
                                 'SECOND_HAND_ELECTRONICS')),
    county                   char(6)     not null,
    address                  text        not null,
    -- the contact person is personal data: AES-GCM ciphertext only
    contact_name_encrypted   text        not null,
    contact_phone_encrypted  text        not null,
    licence_number           text        not null,
    licence_scope            text        not null,
    licence_valid_from       date        not null,
    licence_valid_to         date        not null,
    licence_status           text        not null check (licence_status in ('VALID', 'SUSPENDED', 'REVOKED')),
    registered_at            timestamptz not null,
    registered_by            text        not null,
    updated_at               timestamptz not null,
    updated_by               text        not null,
    version                  integer     not null default 0,
    constraint enterprise_credit_code_unique unique (credit_code),
    constraint enterprise_licence_number_unique unique (licence_number),
    constraint enterprise_licence_period check (licence_valid_from <= licence_valid_to)
);
create index enterprise_county on enterprise (county);
create index enterprise_licence_valid_to on enterprise (licence_valid_to);

-- Append-only: every registration and qualification change, with who, when and why.
create table enterprise_qualification_history (
    id              bigint generated always as identity primary key,
    enterprise_id   bigint      not null references enterprise (id),
    licence_number  text        not null,
    licence_scope   text        not null,
    valid_from      date        not null,
    valid_to        date        not null,
    status          text        not null,
    reason          text,
    changed_at      timestamptz not null,
    changed_by      text        not null
);
create index enterprise_qualification_history_enterprise on enterprise_qualification_history (enterprise_id);

create table collection_site (
    id                    bigint generated always as identity primary key,
    name                  text          not null,
    level                 text          not null check (level in ('COLLECTION_POINT', 'TRANSFER_STATION',
                              'SORTING_CENTRE')),
    operator_credit_code  char(18)      not null references enterprise (credit_code),
    county                char(6)       not null,
    address               text          not null,
    latitude              numeric(9, 6) not null check (latitude between -90 and 90),
    longitude             numeric(9, 6) not null check (longitude between -180 and 180),
    daily_capacity_kg     bigint        not null check (daily_capacity_kg >= 0),
    status                text          not null check (status in ('OPERATING', 'SUSPENDED', 'CLOSED')),
    parent_site_id        bigint        references collection_site (id),
    created_at            timestamptz   not null,
    created_by            text          not null,
    updated_at            timestamptz   not null,
    version               integer       not null default 0,
    constraint collection_site_top_level check ((level = 'SORTING_CENTRE') = (parent_site_id is null))
);
create index collection_site_county_level on collection_site (county, level);
create index collection_site_operator on collection_site (operator_credit_code);
