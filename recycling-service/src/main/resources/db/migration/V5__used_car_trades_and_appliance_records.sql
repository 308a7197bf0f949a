-- Used-car trades (tasks 44-45) with their flags, and appliance / office-equipment recycling
-- (tasks 41-43) with weights by material (kg, three decimals).
create table used_car_trade (
    id                       bigint generated always as identity primary key,
    trade_id                 text        not null unique,
    market_credit_code       char(18)    not null references enterprise (credit_code),
    county                   char(6)     not null,
    vin                      char(17)    not null,
    trade_date               date        not null,
    price_fen                bigint      not null check (price_fen > 0),
    first_registration_date  date        not null,
    from_area                char(6)     not null,
    to_area                  char(6),
    destination_country      char(2),
    odometer_km              bigint      check (odometer_km >= 0),
    cross_region             boolean     not null,
    export                   boolean     not null,
    zero_mileage             boolean     not null,
    recorded_at              timestamptz not null,
    recorded_by              text        not null,
    constraint used_car_trade_dates check (first_registration_date <= trade_date),
    constraint used_car_trade_export check (not export or destination_country is not null)
);
create index used_car_trade_county on used_car_trade (county, trade_date);
create index used_car_trade_vin on used_car_trade (vin);
create index used_car_trade_market on used_car_trade (market_credit_code);

create table appliance_record (
    id                       bigint generated always as identity primary key,
    record_id                text          not null unique,
    enterprise_credit_code   char(18)      not null references enterprise (credit_code),
    county                   char(6)       not null,
    category                 text          not null,
    count                    integer       not null check (count > 0),
    weight_kg                numeric(12,3) not null check (weight_kg > 0),
    source                   text          not null check (source in ('TRADE_IN_COLLECTION', 'DOOR_TO_DOOR',
                                 'COLLECTION_POINT', 'PUBLIC_INSTITUTION')),
    claim_id                 text,
    institution_credit_code  char(18),
    site_id                  bigint        references collection_site (id),
    recorded_on              date          not null,
    steel_kg                 numeric(12,3) not null check (steel_kg >= 0),
    non_ferrous_kg           numeric(12,3) not null check (non_ferrous_kg >= 0),
    plastics_kg              numeric(12,3) not null check (plastics_kg >= 0),
    glass_kg                 numeric(12,3) not null check (glass_kg >= 0),
    other_kg                 numeric(12,3) not null check (other_kg >= 0),
    recorded_at              timestamptz   not null,
    recorded_by              text          not null,
    constraint appliance_record_claim_only_trade_in check (claim_id is null or source = 'TRADE_IN_COLLECTION'),
    constraint appliance_record_institution check (source <> 'PUBLIC_INSTITUTION'
        or institution_credit_code is not null),
    constraint appliance_record_materials check (steel_kg + non_ferrous_kg + plastics_kg + glass_kg + other_kg
        <= weight_kg)
);
create index appliance_record_county on appliance_record (county, recorded_on);
create index appliance_record_enterprise on appliance_record (enterprise_credit_code);
create index appliance_record_claim on appliance_record (claim_id);
