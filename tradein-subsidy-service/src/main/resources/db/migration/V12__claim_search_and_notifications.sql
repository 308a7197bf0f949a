-- Claim search (issue 20 §4) and applicant notifications (issue 18 §2, decision 0027).

-- Search by the applicant's phone goes through a keyed hash, like the ID number: never a plaintext
-- column. The key lives in the application's configuration (suite.pii.*), not in the database, so
-- this migration cannot fill it for existing rows: PhoneHashBackfill does, at start-up, in batches
-- (decrypt, hash, update where still null). Until it has run, a search by phone misses those rows.
alter table claim add column applicant_phone_hash char(64);
create index claim_applicant_phone on claim (applicant_phone_hash) where applicant_phone_hash is not null;

-- Search by VIN (old or new) and invoice number over every claim, also rejected and withdrawn ones
-- (claim_unique_use keeps only the live uses).
create index claim_old_vin on claim (old_vin) where old_vin is not null;
create index claim_new_vin on claim (new_vin) where new_vin is not null;
create index claim_invoice_number on claim (invoice_number);
