-- 家装厨卫“焕新” and 适老化改造 take claims (issue 21 §1, decision 0040): a claim of these
-- categories is a list of items from its rule version's catalogue, each with its own amount.
create table claim_home_item (
    claim_id        uuid        not null references claim (id),
    line            integer     not null check (line > 0),
    item_code       text        not null,
    description     text        not null,
    price_fen       bigint      not null check (price_fen > 0),
    invoice_number  text        not null,
    amount_fen      bigint      not null check (amount_fen >= 0 and amount_fen <= price_fen),
    capped          boolean     not null,
    primary key (claim_id, line)
);

-- The household limit sums the amounts of one applicant's live claims of a programme.
create index claim_applicant_programme on claim (applicant_id_hash, programme_id, purchase_date);

-- The programmes, city-wide, with their 2025 rules. Rates are the national maxima of
-- 商办消费函〔2025〕29号 三(二); catalogues, per-item caps and household limits are local defaults
-- (decision 0040) the city administrator replaces with a new rule version.
insert into programme (id, name, category, jurisdiction, period_start, period_end, when_exhausted,
                       central_share_bp, provincial_share_bp, city_share_bp, county_share_bp)
values ('HOME-RENOVATION', '家装厨卫“焕新”补贴 / home renovation and kitchen-and-bath items', 'HOME_RENOVATION',
        '141100', '2025-01-01', null, 'QUEUE', 9000, 500, 250, 250),
       ('ELDERLY-RETROFIT', '居家适老化改造补贴 / elderly-friendly home retrofit', 'ELDERLY_RETROFIT',
        '141100', '2025-01-01', null, 'QUEUE', 9000, 500, 250, 250);

insert into rule_version (programme_id, version, effective_from, effective_to, parameters, evidence_required,
                          collection_required, legal_basis, created_by)
values
('HOME-RENOVATION', 1, '2025-01-01', '2025-12-31',
 '{"amount":{"kind":"PERCENT_PER_ITEM"},
   "eligibility":{},
   "limits":{},
   "catalogue":{"householdLimitFen":2000000,"items":[
     {"code":"TILE","name":"瓷砖","rateBp":1500,"capFen":200000},
     {"code":"WOOD_FLOOR","name":"木地板","rateBp":1500,"capFen":200000},
     {"code":"DOOR_WINDOW","name":"门窗","rateBp":1500,"capFen":200000},
     {"code":"PAINT","name":"涂料（乳胶漆）","rateBp":1500,"capFen":200000},
     {"code":"WALLPAPER","name":"壁纸","rateBp":1500,"capFen":200000},
     {"code":"CUSTOM_CABINET","name":"定制橱柜","rateBp":1500,"capFen":200000},
     {"code":"SHOWER_ENCLOSURE","name":"淋浴房","rateBp":1500,"capFen":200000},
     {"code":"TOILET","name":"坐便器","rateBp":1500,"capFen":200000},
     {"code":"WASHBASIN","name":"洗面盆","rateBp":1500,"capFen":200000},
     {"code":"FAUCET_SHOWER","name":"水嘴、花洒","rateBp":1500,"capFen":200000},
     {"code":"LIGHTING","name":"灯具","rateBp":1500,"capFen":200000},
     {"code":"SMART_LOCK","name":"智能门锁","rateBp":1500,"capFen":200000}]}}',
 array['APPLICANT_ID','INVOICE','PRODUCT_PHOTO','BANK_ACCOUNT'],
 false,
 '发改环资〔2025〕13号 (十二); 商办消费函〔2025〕29号 三(一) 品类, 三(二) 补贴标准不高于15%; 地方默认值 / local default'
 || ' (品目录, 单件上限2000元, 每户累计2万元), replace via POST /api/subsidies/programmes/HOME-RENOVATION/rule-versions',
 'migration'),
('ELDERLY-RETROFIT', 1, '2025-01-01', '2025-12-31',
 '{"amount":{"kind":"PERCENT_PER_ITEM"},
   "eligibility":{},
   "limits":{},
   "catalogue":{"householdLimitFen":500000,"items":[
     {"code":"GRAB_BAR","name":"扶手","rateBp":3000,"capFen":50000},
     {"code":"ANTI_SLIP_FLOOR","name":"防滑地面（防滑地砖、防滑垫）","rateBp":3000,"capFen":200000},
     {"code":"RAMP","name":"坡道","rateBp":3000,"capFen":100000},
     {"code":"THRESHOLD_LEVELLING","name":"门槛移除、高差处理","rateBp":3000,"capFen":100000},
     {"code":"RAISED_TOILET_SEAT","name":"马桶增高器","rateBp":3000,"capFen":30000},
     {"code":"SHOWER_CHAIR","name":"淋浴椅","rateBp":3000,"capFen":30000},
     {"code":"EMERGENCY_CALL","name":"紧急呼叫器","rateBp":3000,"capFen":50000},
     {"code":"SENSOR_NIGHT_LIGHT","name":"感应夜灯","rateBp":3000,"capFen":30000},
     {"code":"CARE_BED","name":"护理床","rateBp":3000,"capFen":200000},
     {"code":"WALKING_AID","name":"助行器","rateBp":3000,"capFen":50000}]}}',
 array['APPLICANT_ID','ELDERLY_MEMBER_PROOF','INVOICE','PRODUCT_PHOTO','BANK_ACCOUNT'],
 false,
 '商办消费函〔2025〕29号 三(一) 居家适老化改造产品, 三(二) 补贴标准不高于30%; 地方默认值 / local default'
 || ' (品目录, 单件上限, 每户累计5000元), replace via POST /api/subsidies/programmes/ELDERLY-RETROFIT/rule-versions',
 'migration');
