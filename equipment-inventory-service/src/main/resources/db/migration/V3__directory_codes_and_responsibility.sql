-- The directory codes are the read model organisation_department (platform migration V0_4,
-- decision 0029).
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
