-- The directory codes are the read model organisation_department (platform migration V0_4,
-- decision 0029).
-- What a department officer reads here (职责范围): the programme categories of the trade-in tasks
-- it leads in the plan. Claims (masked), programmes and budget accounts of those categories.
-- Defaults from 吕政发〔2024〕4号 §2 (issue 20); a city administrator changes them through
-- PUT /api/subsidies/responsibilities/{department} (audited).
create table department_responsibility (
    id          bigint generated always as identity primary key,
    department  text not null,
    category    text not null,
    unique (department, category)
);
insert into department_responsibility (department, category) values
    ('swj', 'CAR_SCRAPPAGE'), ('swj', 'CAR_REPLACEMENT'), ('swj', 'HOME_APPLIANCE'),
    ('swj', 'DIGITAL_PRODUCT'), ('swj', 'HOME_RENOVATION'), ('swj', 'ELDERLY_RETROFIT'),
    ('zjj', 'HOME_RENOVATION'), ('zjj', 'ELDERLY_RETROFIT'),
    ('nyncj', 'FARM_MACHINERY_SCRAPPAGE'),
    ('jtysj', 'OLD_DIESEL_TRUCK'), ('sthjj', 'OLD_DIESEL_TRUCK'),
    ('czj', 'CAR_SCRAPPAGE'), ('czj', 'CAR_REPLACEMENT'), ('czj', 'HOME_APPLIANCE'),
    ('czj', 'DIGITAL_PRODUCT'), ('czj', 'HOME_RENOVATION'), ('czj', 'ELDERLY_RETROFIT'),
    ('czj', 'FARM_MACHINERY_SCRAPPAGE'), ('czj', 'OLD_DIESEL_TRUCK');
