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

-- One code scheme (decision 0029): department_scope named departments by made-up words
-- (industry, energy, ...); it now uses the directory's codes. What each department reads follows
-- the tasks it leads in 吕政发〔2024〕4号 (issue 20 §2): the renamed rows, plus the departments the
-- plan names that had no scope. A city administrator changes them through
-- PUT /api/equipment/responsibilities/{department} (audited).
update department_scope set department = case department
    when 'industry' then 'gxj'
    when 'energy' then 'nyj'
    when 'transport' then 'jtysj'
    when 'agriculture' then 'nyncj'
    when 'market-regulation' then 'scjgj'
    when 'health' then 'wjw'
    when 'education' then 'jyj'
    when 'culture-tourism' then 'wlj'
    when 'sports' then 'tyj'
    when 'housing' then 'zjj'
    else department end;
insert into department_scope (department, sector_code, category) values
  -- 市城管局: municipal utilities, sanitation and underground networks (tasks 11, 13, 14)
  ('cgj', null, 'MUNICIPAL_WATER'), ('cgj', null, 'MUNICIPAL_HEATING'), ('cgj', null, 'MUNICIPAL_GAS'),
  ('cgj', null, 'PIPELINE'),
  -- 市规划和自然资源局: mining (tasks 2, 3, 7)
  ('zrzyj', 'non-coal-mining', null), ('zrzyj', 'coal', null),
  -- 市生态环境局: the heavy-emission sectors and old diesel vehicles (tasks 2, 7, 16)
  ('sthjj', 'coking', null), ('sthjj', 'steel', null), ('sthjj', 'building-materials', null),
  ('sthjj', 'chemical', null), ('sthjj', 'power', null),
  -- 市应急管理局: the sectors whose equipment is retired for safety (task 7)
  ('yjglj', 'coal', null), ('yjglj', 'non-coal-mining', null), ('yjglj', 'chemical', null),
  -- 市现代农业发展服务中心: farm machinery (task 19)
  ('xdnyzx', null, 'FARM_MACHINERY'),
  -- 国网吕梁分公司, 地方电力吕梁分公司: power equipment (task 2)
  ('gwll', null, 'POWER'), ('dfdlll', null, 'POWER');
