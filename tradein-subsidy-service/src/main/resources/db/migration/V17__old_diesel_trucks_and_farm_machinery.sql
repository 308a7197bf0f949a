-- Old diesel trucks (老旧营运柴油货车) and farm machinery (农机报废更新) take claims (decision 0039).

-- A truck or a machine may be scrapped without buying anything: no invoice, no price (0).
alter table claim alter column invoice_number drop not null;
alter table claim drop constraint claim_price_fen_check;
alter table claim add constraint claim_price_fen_check check (price_fen >= 0);

-- The truck section of a claim (the truck's VIN is old_vin, a new truck's new_vin) and the farm
-- machine's. deregistration_required is the rule version's truck.deregistrationBeforePayment, fixed
-- when the claim is filed: a payment batch then waits for the certificate's vehicle.deregistered.v1.
alter table claim
    add column truck_emission_standard  text check (truck_emission_standard in ('CHINA_III', 'CHINA_IV')),
    add column truck_class              text check (truck_class in ('MEDIUM', 'HEAVY')),
    add column operating_licence_number text,
    add column new_truck                text check (new_truck in ('NONE', 'NEV', 'CHINA_VI')),
    add column deregistration_required  boolean not null default false,
    add column machine_type             text,
    add column machine_power_kw         numeric(8, 2);

-- 注销登记: vehicle.deregistered.v1 of the scrap certificate.
alter table scrap_certificate add column deregistered_on date;

-- Farm-machinery scrap certificates (农机报废回收证明), built from recycling-service's
-- farm-machinery.scrapped.v1, farm-machinery-certificate.corrected.v1 and .voided.v1. The owner is a
-- person (keyed hash and masked ID number) or an organisation (credit code).
create table farm_machinery_certificate (
    certificate_number     text        primary key,
    dismantler_credit_code text        not null,
    county                 char(6)     not null,
    machine_type           text        not null,
    power_kw               numeric(8, 2) not null,
    factory_number         text        not null,
    engine_number          text,
    make_and_model         text        not null,
    handover_date          date        not null,
    owner_kind             text        not null check (owner_kind in ('PERSON', 'ORGANISATION')),
    owner_id_hash          char(64),
    owner_id_masked        text,
    owner_credit_code      text,
    owner_name_masked      text        not null,
    certificate_version    integer     not null,
    status                 text        not null check (status in ('VALID', 'VOIDED')),
    void_reason            text,
    voided_at              timestamptz,
    source_event_id        text        not null,
    recorded_at            timestamptz not null,
    check ((owner_kind = 'PERSON') = (owner_id_hash is not null)),
    check ((owner_kind = 'ORGANISATION') = (owner_credit_code is not null))
);
create index farm_machinery_certificate_owner on farm_machinery_certificate (owner_id_hash);

insert into programme (id, name, category, jurisdiction, period_start, period_end, when_exhausted,
                       central_share_bp, provincial_share_bp, city_share_bp, county_share_bp)
values ('OLD-DIESEL-TRUCK', '老旧营运柴油货车报废更新补贴 / old operating diesel truck scrappage', 'OLD_DIESEL_TRUCK',
        '141100', '2024-07-01', null, 'QUEUE', 9000, 500, 250, 250),
       ('FARM-MACHINERY', '农业机械报废更新补贴 / farm machinery scrappage renewal', 'FARM_MACHINERY_SCRAPPAGE',
        '141100', '2024-06-01', null, 'QUEUE', 9000, 500, 250, 250);

-- Every amount below is a LOCAL DEFAULT (地方默认值): decision 0039 says which figures could not be
-- confirmed from the national documents. The city administrator replaces them with a higher rule
-- version: POST /api/subsidies/programmes/{id}/rule-versions.
insert into rule_version (programme_id, version, effective_from, effective_to, parameters, evidence_required,
                          collection_required, legal_basis, created_by)
values
-- 2024 trucks: 国三 and older only.
('OLD-DIESEL-TRUCK', 1, '2024-07-01', '2024-12-31',
 '{"amount":{"kind":"FIXED_BY_TRUCK_CLASS"},
   "eligibility":{"applicationDeadline":"2025-01-31"},
   "limits":{},
   "truck":{"deregistrationBeforePayment":true,"amounts":[
     {"vehicleClass":"MEDIUM","emissionStandard":"CHINA_III","newTruck":"NONE","amountFen":1500000},
     {"vehicleClass":"MEDIUM","emissionStandard":"CHINA_III","newTruck":"CHINA_VI","amountFen":3500000},
     {"vehicleClass":"MEDIUM","emissionStandard":"CHINA_III","newTruck":"NEV","amountFen":4500000},
     {"vehicleClass":"HEAVY","emissionStandard":"CHINA_III","newTruck":"NONE","amountFen":3000000},
     {"vehicleClass":"HEAVY","emissionStandard":"CHINA_III","newTruck":"CHINA_VI","amountFen":6000000},
     {"vehicleClass":"HEAVY","emissionStandard":"CHINA_III","newTruck":"NEV","amountFen":8000000}]}}',
 array['APPLICANT_ID','SCRAP_CERTIFICATE','OPERATING_LICENCE','BANK_ACCOUNT'],
 false,
 '交通运输部 财政部《老旧营运货车报废更新补贴实施细则》(2024; 文号、条款及金额未核实 / number, article and amounts not verified). 金额为地方默认值 / local default amounts: replace via POST /api/subsidies/programmes/OLD-DIESEL-TRUCK/rule-versions (decision 0039)',
 'migration'),
-- 2025 trucks (加力扩围): 国四 and older.
('OLD-DIESEL-TRUCK', 2, '2025-01-01', '2025-12-31',
 '{"amount":{"kind":"FIXED_BY_TRUCK_CLASS"},
   "eligibility":{},
   "limits":{},
   "truck":{"deregistrationBeforePayment":true,"amounts":[
     {"vehicleClass":"MEDIUM","emissionStandard":"CHINA_III","newTruck":"NONE","amountFen":1500000},
     {"vehicleClass":"MEDIUM","emissionStandard":"CHINA_III","newTruck":"CHINA_VI","amountFen":3500000},
     {"vehicleClass":"MEDIUM","emissionStandard":"CHINA_III","newTruck":"NEV","amountFen":4500000},
     {"vehicleClass":"MEDIUM","emissionStandard":"CHINA_IV","newTruck":"NONE","amountFen":1000000},
     {"vehicleClass":"MEDIUM","emissionStandard":"CHINA_IV","newTruck":"CHINA_VI","amountFen":3000000},
     {"vehicleClass":"MEDIUM","emissionStandard":"CHINA_IV","newTruck":"NEV","amountFen":4000000},
     {"vehicleClass":"HEAVY","emissionStandard":"CHINA_III","newTruck":"NONE","amountFen":3000000},
     {"vehicleClass":"HEAVY","emissionStandard":"CHINA_III","newTruck":"CHINA_VI","amountFen":6000000},
     {"vehicleClass":"HEAVY","emissionStandard":"CHINA_III","newTruck":"NEV","amountFen":8000000},
     {"vehicleClass":"HEAVY","emissionStandard":"CHINA_IV","newTruck":"NONE","amountFen":2500000},
     {"vehicleClass":"HEAVY","emissionStandard":"CHINA_IV","newTruck":"CHINA_VI","amountFen":5500000},
     {"vehicleClass":"HEAVY","emissionStandard":"CHINA_IV","newTruck":"NEV","amountFen":7500000}]}}',
 array['APPLICANT_ID','SCRAP_CERTIFICATE','OPERATING_LICENCE','BANK_ACCOUNT'],
 false,
 '2025年加力扩围: 发改环资〔2025〕13号; 交通运输部 财政部 2025 年老旧营运货车报废更新实施细则 (文号、条款及金额未核实 / not verified). 金额为地方默认值 / local default amounts: replace via POST /api/subsidies/programmes/OLD-DIESEL-TRUCK/rule-versions (decision 0039)',
 'migration'),
-- 2024 farm machinery: fixed amounts by type and power band (报废部分补贴).
('FARM-MACHINERY', 1, '2024-06-01', '2024-12-31',
 '{"amount":{"kind":"FIXED_BY_MACHINE_POWER"},
   "eligibility":{},
   "limits":{},
   "farmMachinery":{"bands":[
     {"machineType":"TRACTOR","minKw":0,"maxKw":14.7,"amountFen":100000},
     {"machineType":"TRACTOR","minKw":14.7,"maxKw":36.8,"amountFen":300000},
     {"machineType":"TRACTOR","minKw":36.8,"maxKw":73.5,"amountFen":800000},
     {"machineType":"TRACTOR","minKw":73.5,"maxKw":147,"amountFen":1500000},
     {"machineType":"TRACTOR","minKw":147,"amountFen":2500000},
     {"machineType":"COMBINE_HARVESTER","minKw":0,"maxKw":36.8,"amountFen":500000},
     {"machineType":"COMBINE_HARVESTER","minKw":36.8,"amountFen":1500000},
     {"machineType":"TRANSPLANTER","minKw":0,"amountFen":200000},
     {"machineType":"SPRAYER","minKw":0,"amountFen":100000},
     {"machineType":"OTHER","minKw":0,"amountFen":500000}]}}',
 array['APPLICANT_ID','SCRAP_CERTIFICATE','BANK_ACCOUNT'],
 false,
 '农业农村部办公厅 财政部办公厅《关于加大工作力度持续实施好农业机械报废更新补贴政策的通知》(农办机〔2024〕4号): 报废部分定额补贴, 其他农机单台原则上不超过2万元. 金额为地方默认值 / local default amounts (the national maximum table was not verified): replace via POST /api/subsidies/programmes/FARM-MACHINERY/rule-versions (decision 0039)',
 'migration');

-- 2025 farm machinery: the 2024 bands carried over (the same local defaults).
insert into rule_version (programme_id, version, effective_from, effective_to, parameters, evidence_required,
                          collection_required, legal_basis, created_by)
select programme_id, 2, '2025-01-01', '2025-12-31', parameters, evidence_required, collection_required,
       '农业农村部办公厅 国家发展改革委办公厅 财政部办公厅 国家粮食和物资储备局办公室《关于实施好2025年农业机械报废更新补贴政策的通知》(2025-02); 农办机〔2024〕4号. 金额为地方默认值 / local default amounts (the national table was not verified): replace via POST /api/subsidies/programmes/FARM-MACHINERY/rule-versions (decision 0039)',
       'migration'
from rule_version where programme_id = 'FARM-MACHINERY' and version = 1;
