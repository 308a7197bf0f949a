-- A project unit may be a natural person (农户/个人, issue 21 §1): farmers own most old farm
-- machinery and have resident ID numbers, not credit codes (decision 0041). A person unit:
-- - unit_type 'PERSON';
-- - credit_code holds a server-assigned unit code 'ZR' + county + 10 digits (18 characters, like a
--   credit code, and never a valid one: GB 32100 has no 'Z'), which equipment records reference;
-- - the resident ID number only as AES-GCM ciphertext and as a keyed hash (unique: registering the
--   same person again finds the unit), the name as ciphertext and, in `name`, masked (王**), so that
--   every list, view and export shows it masked. No column holds the ID number or name in plaintext.
alter table project_unit drop constraint project_unit_unit_type_check;
alter table project_unit add constraint project_unit_unit_type_check check (unit_type in
    ('ENTERPRISE', 'HOSPITAL', 'SCHOOL', 'PUBLIC_INSTITUTION', 'OPERATOR', 'PERSON'));
alter table project_unit
    add column person_name_encrypted text,
    add column person_id_encrypted   text,
    add column person_id_hash        char(64),
    add constraint project_unit_person_id_hash_unique unique (person_id_hash),
    add constraint project_unit_person check ((unit_type = 'PERSON') = (person_id_hash is not null)
        and (unit_type = 'PERSON') = (person_id_encrypted is not null)
        and (unit_type = 'PERSON') = (person_name_encrypted is not null)
        and (unit_type = 'PERSON') = (credit_code like 'ZR%'));
create sequence person_unit_code;
