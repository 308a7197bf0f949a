-- The key industrial sectors named in task (1) of 吕政发〔2024〕4号, in the document's order.
create table sector (
    code      text     primary key,
    name      text     not null unique,
    position  smallint not null unique
);
insert into sector (code, name, position) values
    ('coal', '煤炭', 1),
    ('coking', '焦化', 2),
    ('steel', '钢铁', 3),
    ('non-ferrous', '有色', 4),
    ('chemical', '化工', 5),
    ('building-materials', '建材', 6),
    ('power', '电力', 7),
    ('non-coal-mining', '非煤矿山', 8),
    ('baijiu', '白酒', 9),
    ('equipment-manufacturing', '装备制造', 10),
    ('clean-energy', '清洁能源', 11),
    ('new-materials', '新材料', 12),
    ('solid-waste-utilisation', '固废利用', 13),
    ('pharmaceutical', '医药', 14),
    ('machinery', '机械', 15);
