-- An organisation (a cooperative or a company: 农民专业合作社, 农业企业) may claim farm machinery
-- scrappage (decision 0039). Its credit code is public registry data, kept as it is to match the
-- farm-machinery certificate's owner; applicant_id_hash then holds a domain-separated keyed hash of
-- the credit code, so that per-applicant limits and locks work as for persons.
alter table claim add column applicant_credit_code text;
