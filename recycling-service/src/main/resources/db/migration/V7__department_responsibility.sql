-- The directory codes are the read model organisation_department (platform migration V0_4,
-- decision 0029).
-- What a department officer reads here (职责范围): the recycling areas of the tasks it leads in
-- the plan (tasks 40–50 of 吕政发〔2024〕4号; issue 20 §2). Before, every department read every
-- area. A city administrator changes them through PUT /api/recycling/responsibilities/{department}
-- (audited).
create table department_responsibility (
    id          bigint generated always as identity primary key,
    department  text not null,
    area        text not null check (area in ('ENTERPRISES', 'SITES', 'SCRAP_CERTIFICATES', 'BATTERIES',
                    'USED_CAR_TRADES', 'APPLIANCE_RECORDS', 'DATA_WIPES', 'REMANUFACTURING', 'DISPOSALS')),
    unique (department, area)
);
insert into department_responsibility (department, area) values
    ('swj', 'ENTERPRISES'), ('swj', 'SITES'), ('swj', 'SCRAP_CERTIFICATES'), ('swj', 'USED_CAR_TRADES'),
    ('swj', 'APPLIANCE_RECORDS'), ('swj', 'DATA_WIPES'), ('swj', 'DISPOSALS'),
    ('gxj', 'REMANUFACTURING'), ('gxj', 'BATTERIES'),
    ('kjj', 'REMANUFACTURING'),
    ('scjgj', 'USED_CAR_TRADES'), ('scjgj', 'DATA_WIPES'),
    ('jjzd', 'USED_CAR_TRADES'),
    ('gxs', 'SITES'), ('gxs', 'APPLIANCE_RECORDS'),
    ('cgj', 'SITES'),
    ('zrzyj', 'SITES'),
    ('czj', 'DISPOSALS');
