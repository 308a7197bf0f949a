-- 市财政局 (czj) is responsible for public institutions' office equipment (task 43 of
-- 吕政发〔2024〕4号, issue 20 §2): the new category OFFICE_EQUIPMENT is its share of the register.
-- A city administrator changes it through PUT /api/equipment/responsibilities/czj (audited).
insert into department_scope (department, sector_code, category) values ('czj', null, 'OFFICE_EQUIPMENT');
