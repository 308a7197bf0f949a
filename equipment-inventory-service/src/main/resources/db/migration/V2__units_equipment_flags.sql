-- Project units (项目单位), equipment records (设备), their lifecycle history, flag rules and flags,
-- department scopes, import batches and survey campaigns.

create table project_unit (
    id                      bigint generated always as identity primary key,
    credit_code             char(18)    not null unique,
    name                    text        not null,
    county                  char(6)     not null,
    sector_code             text        references sector (code),
    unit_type               text        not null check (unit_type in
                                ('ENTERPRISE', 'HOSPITAL', 'SCHOOL', 'PUBLIC_INSTITUTION', 'OPERATOR')),
    contact_name_encrypted  text,
    contact_phone_encrypted text,
    contact_phone_hash      char(64),
    created_at              timestamptz not null,
    updated_at              timestamptz not null,
    version                 integer     not null default 0
);
create index project_unit_county on project_unit (county);
create index project_unit_sector on project_unit (sector_code);

create table equipment (
    id                        bigint generated always as identity primary key,
    unit_id                   bigint      not null references project_unit (id),
    unit_credit_code          char(18)    not null,
    county                    char(6)     not null,
    sector_code               text,
    asset_tag                 text        not null,
    name                      text        not null,
    model                     text,
    category                  text        not null,
    quantity                  numeric(14, 3) not null check (quantity > 0),
    commissioned_on           date        not null,
    design_life_years         integer     check (design_life_years between 1 and 100),
    running_condition         text        not null default 'NORMAL',
    efficiency_grade          smallint    check (efficiency_grade between 1 and 5),
    efficiency_tier           text,
    emission_grade            char(1)     check (emission_grade in ('A', 'B', 'C', 'D')),
    vehicle_emission_standard text        check (vehicle_emission_standard in ('CN1', 'CN2', 'CN3', 'CN4', 'CN5', 'CN6')),
    fuel_type                 text,
    vehicle_kind              text,
    operating                 boolean     not null default false,
    safety_findings           integer     not null default 0 check (safety_findings >= 0),
    original_value_fen        bigint      check (original_value_fen >= 0),
    location                  text,
    registration_code         text,
    new_build                 boolean     not null default false,
    project_name              text,
    status                    text        not null default 'IN_SERVICE' check (status in
                                  ('IN_SERVICE', 'RENEWAL_PLANNED', 'RETIREMENT_SCHEDULED', 'RETIRED')),
    renewal_investment_fen    bigint      check (renewal_investment_fen >= 0),
    renewal_target            text,
    renewal_improvement       text,
    renewal_planned_year      integer,
    renewal_completed_on      date,
    renewal_completed_fen     bigint      check (renewal_completed_fen >= 0),
    retirement_standard       text,
    retirement_legal_basis    text,
    retirement_planned_on     date,
    replacement_description   text,
    replacement_id            bigint      references equipment (id),
    retired_on                date,
    disposal                  text        check (disposal in ('SCRAPPED', 'REMANUFACTURED', 'SOLD_SECOND_HAND', 'RECYCLED')),
    last_import_id            uuid,
    created_at                timestamptz not null,
    updated_at                timestamptz not null,
    version                   integer     not null default 0,
    constraint equipment_natural_key unique (unit_credit_code, asset_tag),
    constraint equipment_retired_has_disposal check ((status = 'RETIRED') = (retired_on is not null and disposal is not null))
);
create index equipment_county on equipment (county);
create index equipment_sector on equipment (sector_code);
create index equipment_category on equipment (category);
create index equipment_status on equipment (status);
create index equipment_import on equipment (last_import_id);

-- Every change of an equipment record: who, when, what, before and after.
create table equipment_history (
    id            bigint generated always as identity primary key,
    equipment_id  bigint      not null references equipment (id),
    at            timestamptz not null,
    actor         text        not null,
    action        text        not null,
    from_status   text,
    to_status     text,
    before        jsonb,
    after         jsonb
);
create index equipment_history_equipment on equipment_history (equipment_id, id);

-- Flag rules are data: each change adds a version; the highest version of a code is in force.
create table flag_rule (
    code        text        not null,
    version     integer     not null,
    active      boolean     not null,
    parameters  jsonb       not null,
    description text        not null,
    created_at  timestamptz not null,
    created_by  text        not null,
    primary key (code, version)
);
insert into flag_rule (code, version, active, parameters, description, created_at, created_by) values
  ('BEYOND_DESIGN_LIFE', 1, true, '{"graceYears": 0}', '超过设计使用年限 / beyond its design life', now(), 'migration'),
  ('BELOW_ENTRY_TIER', 1, true, '{}', '能效低于准入水平，应强制淘汰 / below the entry tier: mandatory retirement', now(), 'migration'),
  ('OLD_DIESEL_TRUCK', 1, true, '{"maxStandard": "CN4"}', '国四及以下营运柴油货车 / operating diesel truck of CN4 or older', now(), 'migration'),
  ('ELEVATOR_AGE_WITH_FINDINGS', 1, true, '{"minAgeYears": 15, "minFindings": 1}', '超龄且有安全隐患的电梯 / elevator past the age with safety findings', now(), 'migration'),
  ('FARM_MACHINERY_SCRAP_AGE', 1, true, '{"scrapAgeYears": 12}', '达到报废年限的农业机械 / farm machinery past its scrapping age', now(), 'migration');

create table equipment_flag (
    id            bigint generated always as identity primary key,
    equipment_id  bigint      not null references equipment (id),
    rule_code     text        not null,
    rule_version  integer     not null,
    reason        text        not null,
    raised_at     timestamptz not null,
    cleared_at    timestamptz
);
create unique index equipment_flag_active on equipment_flag (equipment_id, rule_code) where cleared_at is null;

-- Which sectors and equipment categories a city department oversees (department-officer scope).
create table department_scope (
    department  text not null,
    sector_code text references sector (code),
    category    text,
    check ((sector_code is null) <> (category is null))
);
create index department_scope_department on department_scope (department);
insert into department_scope (department, sector_code, category) values
  ('industry', 'coal', null), ('industry', 'coking', null), ('industry', 'steel', null),
  ('industry', 'non-ferrous', null), ('industry', 'chemical', null), ('industry', 'building-materials', null),
  ('industry', 'non-coal-mining', null), ('industry', 'baijiu', null), ('industry', 'equipment-manufacturing', null),
  ('industry', 'new-materials', null), ('industry', 'solid-waste-utilisation', null), ('industry', 'pharmaceutical', null),
  ('industry', 'machinery', null),
  ('industry', null, 'INDUSTRIAL_PRODUCTION'), ('industry', null, 'ENERGY_USING'),
  ('energy', 'coal', null), ('energy', 'power', null), ('energy', 'clean-energy', null), ('energy', null, 'POWER'),
  ('transport', null, 'VEHICLE'),
  ('agriculture', null, 'FARM_MACHINERY'),
  ('market-regulation', null, 'ELEVATOR'), ('market-regulation', null, 'CULTURE_TOURISM'),
  ('health', null, 'MEDICAL'),
  ('education', null, 'EDUCATION'),
  ('culture-tourism', null, 'CULTURE_TOURISM'),
  ('sports', null, 'SPORTS'),
  ('housing', null, 'MUNICIPAL_WATER'), ('housing', null, 'MUNICIPAL_HEATING'), ('housing', null, 'MUNICIPAL_GAS'),
  ('housing', null, 'PIPELINE'), ('housing', null, 'ELEVATOR');

-- Bulk imports and their row-level reports.
create table import_batch (
    id          uuid        primary key,
    list_kind   text        not null,
    format      text        not null,
    mode        text        not null,
    file_name   text,
    status      text        not null,
    total_rows  integer     not null default 0,
    accepted    integer     not null default 0,
    rejected    integer     not null default 0,
    created_by  text        not null,
    created_at  timestamptz not null,
    finished_at timestamptz
);
create table import_error (
    batch_id    uuid    not null references import_batch (id),
    row_number  integer not null,
    column_name text    not null,
    value       text,
    message     text    not null
);
create index import_error_batch on import_error (batch_id, row_number);

-- Survey campaigns (摸排) and their per-county submissions.
create table survey_campaign (
    id          bigint generated always as identity primary key,
    title       text        not null,
    sector_code text        references sector (code),
    category    text,
    deadline    date        not null,
    created_at  timestamptz not null,
    created_by  text        not null,
    version     integer     not null default 0,
    check (sector_code is not null or category is not null)
);
create table survey_submission (
    campaign_id  bigint      not null references survey_campaign (id),
    county       char(6)     not null,
    state        text        not null check (state in ('NOT_STARTED', 'IN_PROGRESS', 'SUBMITTED', 'ACCEPTED')),
    expected_units integer   not null default 0 check (expected_units >= 0),
    submitted_at timestamptz,
    updated_at   timestamptz not null,
    version      integer     not null default 0,
    primary key (campaign_id, county)
);
