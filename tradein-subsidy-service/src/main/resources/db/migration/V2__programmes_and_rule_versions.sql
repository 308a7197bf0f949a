-- Subsidy programmes (补贴项目) and their rule versions. Rules are data: a new rule year is a new
-- row in rule_version, never new code. The parameters document is validated into Java records
-- (programmes.RuleParameters) on every write and read.
create table programme (
    id                   text        primary key,
    name                 text        not null,
    category             text        not null check (category in (
                             'CAR_SCRAPPAGE', 'CAR_REPLACEMENT', 'HOME_APPLIANCE', 'DIGITAL_PRODUCT',
                             'HOME_RENOVATION', 'ELDERLY_RETROFIT', 'FARM_MACHINERY_SCRAPPAGE', 'OLD_DIESEL_TRUCK')),
    jurisdiction         char(6)     not null,
    period_start         date        not null,
    period_end           date,
    -- What happens to an approval when the budget account cannot cover it.
    when_exhausted       text        not null check (when_exhausted in ('QUEUE', 'REFUSE')),
    -- Funding shares in basis points (1/100 of a percent); they add up to 10000.
    central_share_bp     integer     not null check (central_share_bp >= 0),
    provincial_share_bp  integer     not null check (provincial_share_bp >= 0),
    city_share_bp        integer     not null check (city_share_bp >= 0),
    county_share_bp      integer     not null check (county_share_bp >= 0),
    created_at           timestamptz not null default now(),
    version              bigint      not null default 0,
    check (central_share_bp + provincial_share_bp + city_share_bp + county_share_bp = 10000),
    check (period_end is null or period_end >= period_start)
);

create table rule_version (
    id                   bigint      generated always as identity primary key,
    programme_id         text        not null references programme (id),
    version              integer     not null check (version > 0),
    -- Purchases dated in [effective_from, effective_to] are computed with this version; among
    -- overlapping versions the highest wins (a retroactive raise is a new, higher version).
    effective_from       date        not null,
    effective_to         date,
    parameters           jsonb       not null,
    evidence_required    text[]      not null,
    collection_required  boolean     not null,
    legal_basis          text        not null,
    created_at           timestamptz not null default now(),
    created_by           text        not null,
    unique (programme_id, version),
    check (effective_to is null or effective_to >= effective_from)
);

-- National rules as applied in Lüliang (141100). Central 90 %, provincial 5 %, city 2.5 %, county 2.5 %.
insert into programme (id, name, category, jurisdiction, period_start, period_end, when_exhausted,
                       central_share_bp, provincial_share_bp, city_share_bp, county_share_bp)
values ('CAR-SCRAPPAGE', '汽车报废更新补贴 / car scrappage renewal', 'CAR_SCRAPPAGE', '141100', '2024-04-24', null, 'QUEUE', 9000, 500, 250, 250),
       ('CAR-REPLACEMENT', '汽车置换更新补贴 / car replacement', 'CAR_REPLACEMENT', '141100', '2025-01-01', null, 'QUEUE', 9000, 500, 250, 250),
       ('HOME-APPLIANCE', '家电以旧换新补贴 / home appliance trade-in', 'HOME_APPLIANCE', '141100', '2024-08-01', null, 'QUEUE', 9000, 500, 250, 250),
       ('DIGITAL-PRODUCT', '数码产品购新补贴 / digital product purchase', 'DIGITAL_PRODUCT', '141100', '2025-01-20', null, 'REFUSE', 9000, 500, 250, 250);

insert into rule_version (programme_id, version, effective_from, effective_to, parameters, evidence_required,
                          collection_required, legal_basis, created_by)
values
-- 2024 cars, as first published: 10,000 NEV / 7,000 fuel.
('CAR-SCRAPPAGE', 1, '2024-04-24', '2024-12-31',
 '{"amount":{"kind":"FIXED_BY_NEW_CAR_POWER_TYPE","fixedFen":{"NEV":1000000,"FUEL":700000}},
   "eligibility":{"oldCarRegisteredOnOrBefore":{"FUEL":"2011-06-30","DIESEL":"2013-06-30","NEV":"2018-04-30"},
                  "maxNewFuelCarDisplacementMl":2000,"applicationDeadline":"2025-01-10"},
   "limits":{}}',
 array['APPLICANT_ID','SCRAP_CERTIFICATE','DEREGISTRATION_CERTIFICATE','NEW_CAR_INVOICE','BANK_ACCOUNT'],
 false, '商消费函〔2024〕75号', 'migration'),
-- 2024 cars after the July raise, retroactive to the start: 20,000 NEV / 15,000 fuel.
('CAR-SCRAPPAGE', 2, '2024-04-24', '2024-12-31',
 '{"amount":{"kind":"FIXED_BY_NEW_CAR_POWER_TYPE","fixedFen":{"NEV":2000000,"FUEL":1500000}},
   "eligibility":{"oldCarRegisteredOnOrBefore":{"FUEL":"2011-06-30","DIESEL":"2013-06-30","NEV":"2018-04-30"},
                  "maxNewFuelCarDisplacementMl":2000,"applicationDeadline":"2025-01-10"},
   "limits":{}}',
 array['APPLICANT_ID','SCRAP_CERTIFICATE','DEREGISTRATION_CERTIFICATE','NEW_CAR_INVOICE','BANK_ACCOUNT'],
 false, '商消费函〔2024〕75号; 发改环资〔2024〕1104号', 'migration'),
-- 2025 cars: 国四 fuel cars too; owned by the applicant before 2025-01-08.
('CAR-SCRAPPAGE', 3, '2025-01-01', '2025-12-31',
 '{"amount":{"kind":"FIXED_BY_NEW_CAR_POWER_TYPE","fixedFen":{"NEV":2000000,"FUEL":1500000}},
   "eligibility":{"oldCarRegisteredOnOrBefore":{"FUEL":"2012-06-30","DIESEL":"2014-06-30","NEV":"2018-12-31"},
                  "ownedBefore":"2025-01-08","maxNewFuelCarDisplacementMl":2000},
   "limits":{}}',
 array['APPLICANT_ID','SCRAP_CERTIFICATE','DEREGISTRATION_CERTIFICATE','NEW_CAR_INVOICE','BANK_ACCOUNT'],
 false, '商办消费函〔2025〕8号', 'migration'),
('CAR-REPLACEMENT', 1, '2025-01-01', '2025-12-31',
 '{"amount":{"kind":"FIXED_BY_NEW_CAR_POWER_TYPE","fixedFen":{"NEV":1500000,"FUEL":1300000}},
   "eligibility":{"ownedBefore":"2025-01-08","maxNewFuelCarDisplacementMl":2000},
   "limits":{"perPersonPerYear":1}}',
 array['APPLICANT_ID','OLD_CAR_TRANSFER_RECORD','NEW_CAR_INVOICE','BANK_ACCOUNT'],
 false, '商办消费函〔2025〕8号', 'migration'),
('HOME-APPLIANCE', 1, '2024-08-01', '2024-12-31',
 '{"amount":{"kind":"PERCENT_OF_PRICE","rateBp":1500,"topGradeBonusBp":500,"capFen":200000},
   "eligibility":{"worstGrade":2,"productCategories":["REFRIGERATOR","WASHING_MACHINE","TELEVISION","AIR_CONDITIONER",
                  "COMPUTER","WATER_HEATER","HOUSEHOLD_STOVE","RANGE_HOOD"]},
   "limits":{"perPersonPerCategory":{},"defaultPerPersonPerCategory":1}}',
 array['APPLICANT_ID','INVOICE','PRODUCT_PHOTO','BANK_ACCOUNT'],
 false, '商消费函〔2024〕75号 (家电)', 'migration'),
('HOME-APPLIANCE', 2, '2025-01-01', '2025-12-31',
 '{"amount":{"kind":"PERCENT_OF_PRICE","rateBp":1500,"topGradeBonusBp":500,"capFen":200000},
   "eligibility":{"worstGrade":2,"productCategories":["REFRIGERATOR","WASHING_MACHINE","TELEVISION","AIR_CONDITIONER",
                  "COMPUTER","WATER_HEATER","HOUSEHOLD_STOVE","RANGE_HOOD","MICROWAVE_OVEN","WATER_PURIFIER",
                  "DISHWASHER","RICE_COOKER"]},
   "limits":{"perPersonPerCategory":{"AIR_CONDITIONER":3},"defaultPerPersonPerCategory":1}}',
 array['APPLICANT_ID','INVOICE','PRODUCT_PHOTO','BANK_ACCOUNT'],
 false, '发改环资〔2025〕13号', 'migration'),
('DIGITAL-PRODUCT', 1, '2025-01-20', '2025-12-31',
 '{"amount":{"kind":"PERCENT_OF_PRICE","rateBp":1500,"topGradeBonusBp":0,"capFen":50000,"maxPriceFen":600000},
   "eligibility":{"productCategories":["MOBILE_PHONE","TABLET","SMART_WATCH"]},
   "limits":{"perPersonPerCategory":{},"defaultPerPersonPerCategory":1}}',
 array['APPLICANT_ID','INVOICE','BANK_ACCOUNT'],
 false, '发改环资〔2025〕13号', 'migration');
