-- Farm-machinery certificates get their own responsibility area (decision 0041, amended): until now
-- they shared SCRAP_CERTIFICATES with the cars' and trucks', so 市农业农村局 (nyncj), given that area
-- by V8 to read farm machinery, read every scrapped car's certificate as well. nyncj's
-- SCRAP_CERTIFICATES (if the city has not taken it away) becomes FARM_MACHINERY_CERTIFICATES; no
-- other department reads farm-machinery certificates until the city gives it the area
-- (PUT /api/recycling/responsibilities/{department}).
alter table department_responsibility drop constraint department_responsibility_area_check;
alter table department_responsibility add constraint department_responsibility_area_check
    check (area in ('ENTERPRISES', 'SITES', 'SCRAP_CERTIFICATES', 'FARM_MACHINERY_CERTIFICATES', 'BATTERIES',
                    'USED_CAR_TRADES', 'APPLIANCE_RECORDS', 'DATA_WIPES', 'REMANUFACTURING', 'DISPOSALS'));
update department_responsibility set area = 'FARM_MACHINERY_CERTIFICATES'
    where department = 'nyncj' and area = 'SCRAP_CERTIFICATES';
