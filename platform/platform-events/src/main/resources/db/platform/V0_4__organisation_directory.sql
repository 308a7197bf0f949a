-- Read model of the organisation directory that tasks-service owns (decision 0029): the city's
-- departments by their directory code (lower-case pinyin initials, matched without regard to case).
-- Seeded with the departments of 吕政发〔2024〕4号 as tasks-service codes them; kept current in the
-- services that consume cn.gov.lvliang.tasks.organisation.department-changed.v1 (equipment,
-- subsidy, recycling; tasks-service has its own department table). A department-officer token
-- naming a code that is not here answers 403.
create table organisation_department (
    code        text        primary key,
    name        text        not null,
    kind        text        not null,
    version     integer     not null default 0,
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
