-- Read model of the counties and other implementing units of the organisation directory that
-- tasks-service owns (decision 0042), kept current from cn.gov.lvliang.tasks.organisation.
-- county-changed.v1 at the highest version (equipment, subsidy, recycling; tasks-service has its own
-- implementing_unit table). Seeded with the 13 counties (GB/T 2260, platform-core's AreaCode) so
-- that a fresh database works before tasks-service has published anything. A county-officer token
-- naming a code that is not a COUNTY here answers 403 unknown-scope.
create table organisation_county (
    code        text        primary key,
    name        text        not null,
    kind        text        not null,
    version     integer     not null default 0,
    updated_at  timestamptz not null default now()
);
insert into organisation_county (code, name, kind) values
    ('141102', '离石区', 'COUNTY'),
    ('141121', '文水县', 'COUNTY'),
    ('141122', '交城县', 'COUNTY'),
    ('141123', '兴县', 'COUNTY'),
    ('141124', '临县', 'COUNTY'),
    ('141125', '柳林县', 'COUNTY'),
    ('141126', '石楼县', 'COUNTY'),
    ('141127', '岚县', 'COUNTY'),
    ('141128', '方山县', 'COUNTY'),
    ('141129', '中阳县', 'COUNTY'),
    ('141130', '交口县', 'COUNTY'),
    ('141181', '孝义市', 'COUNTY'),
    ('141182', '汾阳市', 'COUNTY');
