-- Target indicators (指标) of the plan's main targets (主要目标, 2027 against 2023) and of single
-- tasks, with 2023 baselines per area and actual values per county and month.
create table indicator (
    code             text    primary key,
    name             text    not null,
    unit             text    not null,
    target_rule      text    not null check (target_rule in ('RELATIVE_GROWTH', 'ABSOLUTE', 'COUNT', 'SHARE_POINTS', 'NONE')),
    target_value     numeric,
    baseline_year    integer not null,
    deadline         date    not null,
    measurement      text    not null check (measurement in ('FLOW', 'CUMULATIVE', 'LEVEL')),
    source           text    not null check (source in ('EVENT', 'MANUAL')),
    source_event     text,
    task_number      integer,
    quote            text    not null,
    version          integer not null default 0
);

-- The quotes are the document's own words (吕政发〔2024〕4号); tests check that each one is found there.
insert into indicator (code, name, unit, target_rule, target_value, baseline_year, deadline, measurement, source, source_event, task_number, quote) values
 ('EQUIPMENT_INVESTMENT', '设备投资规模 / equipment investment', 'fen', 'RELATIVE_GROWTH', 25, 2023, '2027-12-31', 'FLOW', 'EVENT',
  'cn.gov.lvliang.equipment.renewal.investment-completed.v1', null, '工业、农业、建筑、交通、教育、文旅、医疗等领域设备投资规模较2023年增长25%以上'),
 ('ENERGY_SAVING_SHARE', '达到节能水平的产能比例 / share of capacity at the saving tier', 'percent', 'SHARE_POINTS', 15, 2023, '2027-12-31', 'LEVEL', 'MANUAL',
  null, null, '较2023年分别增长15个、13个百分点以上'),
 ('EMISSION_A_SHARE', '环保绩效A级产能比例 / share of capacity at emission-performance grade A', 'percent', 'SHARE_POINTS', 13, 2023, '2027-12-31', 'LEVEL', 'MANUAL',
  null, null, '较2023年分别增长15个、13个百分点以上'),
 ('SCRAPPED_CARS', '报废汽车回收量 / scrapped-car recycling volume', 'vehicles', 'RELATIVE_GROWTH', 100, 2023, '2027-12-31', 'FLOW', 'EVENT',
  'cn.gov.lvliang.recycling.vehicle.scrapped.v1', null, '报废汽车回收量较2023年增加约一倍'),
 ('USED_CAR_TRADES', '二手车交易量 / used-car trade volume', 'vehicles', 'RELATIVE_GROWTH', 45, 2023, '2027-12-31', 'FLOW', 'EVENT',
  'cn.gov.lvliang.recycling.used-car.traded.v1', null, '二手车交易量较2023年增长45%'),
 ('APPLIANCE_RECYCLING', '废旧家电回收量 / used-appliance recycling volume', 'items', 'RELATIVE_GROWTH', 30, 2023, '2027-12-31', 'FLOW', 'EVENT',
  'cn.gov.lvliang.recycling.appliance.recycled.v1', null, '废旧家电回收量较2023年增长30%'),
 ('SUBSIDY_SPEND', '以旧换新补贴支出 / trade-in subsidy spend', 'fen', 'NONE', null, 2023, '2027-12-31', 'FLOW', 'EVENT',
  'cn.gov.lvliang.subsidy.claim.paid.v1', null, '加大补贴力度'),
 ('OLD_COMPOUNDS_RENOVATED', '老旧小区改造 / old residential compounds renovated', 'compounds', 'COUNT', 659, 2023, '2025-12-31', 'CUMULATIVE', 'MANUAL',
  null, 10, '到2025年底基本完成全市659个老旧小区改造任务'),
 ('FARM_MACHINERY_SUBSIDY_COVERAGE', '农机报废更新补贴覆盖率 / farm-machinery scrappage subsidy coverage', 'percent', 'ABSOLUTE', 100, 2023, '2027-12-31', 'LEVEL', 'MANUAL',
  null, 18, '主要农业县(市、区)农机报废更新补贴实施覆盖率达到100%'),
 ('MECHANISATION_RATE', '农作物耕种收综合机械化率 / mechanisation of ploughing, sowing and harvest', 'percent', 'ABSOLUTE', 80, 2023, '2027-12-31', 'LEVEL', 'MANUAL',
  null, 19, '全市农作物耕种收综合机械化率达到80%');

-- 2023 baselines; area is a county code or 141100 for the city as a whole.
create table indicator_baseline (
    indicator_code  text        not null references indicator (code),
    area_code       text        not null,
    value           numeric     not null,
    set_by          text        not null,
    set_at          timestamptz not null,
    version         integer     not null default 0,
    primary key (indicator_code, area_code)
);

-- Actual values per county and month (period = first day of the month).
create table indicator_value (
    indicator_code  text        not null references indicator (code),
    area_code       text        not null,
    period          date        not null,
    value           numeric     not null,
    source          text        not null check (source in ('EVENT', 'MANUAL')),
    updated_at      timestamptz not null,
    version         integer     not null default 0,
    primary key (indicator_code, area_code, period),
    constraint indicator_value_month check (extract(day from period) = 1)
);
