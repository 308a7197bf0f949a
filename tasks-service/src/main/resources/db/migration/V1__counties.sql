-- The county-level divisions of Lüliang (GB/T 2260). Every county implements every task
-- ("以下均需各县市区人民政府落实", task 1 of 吕政发〔2024〕4号).
create table county (
    code  char(6) primary key,
    name  text    not null unique
);
insert into county (code, name) values
    ('141102', '离石区'),
    ('141121', '文水县'),
    ('141122', '交城县'),
    ('141123', '兴县'),
    ('141124', '临县'),
    ('141125', '柳林县'),
    ('141126', '石楼县'),
    ('141127', '岚县'),
    ('141128', '方山县'),
    ('141129', '中阳县'),
    ('141130', '交口县'),
    ('141181', '孝义市'),
    ('141182', '汾阳市');
