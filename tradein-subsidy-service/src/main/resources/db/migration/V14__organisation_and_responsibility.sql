-- Read model of the organisation directory that tasks-service owns (decision 0029): the city's
-- departments by their directory code (lower-case pinyin initials, matched without regard to case).
-- Seeded with the departments of 吕政发〔2024〕4号 as tasks-service codes them; kept current by
-- cn.gov.lvliang.tasks.organisation.department-changed.v1. A department-officer token naming a
-- code that is not here answers 403.
create table organisation_department (
    code        text        primary key,
    name        text        not null,
    kind        text        not null,
    updated_at  timestamptz not null default now()
);
insert into organisation_department (code, name, kind) values
    ('gxj', '市工信局', 'DEPARTMENT'),
    ('nyj', '市能源局', 'DEPARTMENT'),
    ('zrzyj', '市规划和自然资源局', 'DEPARTMENT'),
    ('sthjj', '市生态环境局', 'DEPARTMENT'),
    ('fgw', '市发展改革委', 'DEPARTMENT'),
    ('sjj', '市数据局', 'DEPARTMENT'),
    ('yjglj', '市应急管理局', 'DEPARTMENT'),
    ('scjgj', '市市场监管局', 'DEPARTMENT'),
    ('zjj', '市住建局', 'DEPARTMENT'),
    ('cgj', '市城管局', 'DEPARTMENT'),
    ('gaj', '市公安局', 'DEPARTMENT'),
    ('jtysj', '市交通运输局', 'DEPARTMENT'),
    ('jjzd', '市交警支队', 'DEPARTMENT'),
    ('swj', '市商务局', 'DEPARTMENT'),
    ('kjj', '市科技局', 'DEPARTMENT'),
    ('nyncj', '市农业农村局', 'DEPARTMENT'),
    ('xdnyzx', '市现代农业发展服务中心', 'DEPARTMENT'),
    ('czj', '市财政局', 'DEPARTMENT'),
    ('jyj', '市教育局', 'DEPARTMENT'),
    ('wlj', '市文旅局', 'DEPARTMENT'),
    ('tyj', '市体育局', 'DEPARTMENT'),
    ('wjw', '市卫健委', 'DEPARTMENT'),
    ('zsyzzx', '市招商引资服务中心', 'DEPARTMENT'),
    ('gxs', '市供销社', 'DEPARTMENT'),
    ('mzj', '市民政局', 'DEPARTMENT'),
    ('rsj', '市人社局', 'DEPARTMENT'),
    ('gwll', '国网吕梁分公司', 'COMPANY'),
    ('dfdlll', '地方电力吕梁分公司', 'COMPANY');

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
