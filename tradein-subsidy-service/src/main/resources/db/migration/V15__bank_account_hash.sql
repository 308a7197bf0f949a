-- Fraud checks across claims (issue 21 §2, decision 0038): many claims paying into one bank
-- account, or giving one phone, are flagged. The bank account gets a keyed hash like the ID number's
-- and the phone's (V12): never a plaintext column. The key lives in the application's configuration,
-- not in the database, so this migration cannot fill it for existing rows: KeyedHashBackfill does,
-- at start-up, in batches (decrypt, hash, update where still null). The phone's hash has its index
-- since V12.
alter table claim add column bank_account_hash char(64);
create index claim_bank_account on claim (bank_account_hash, submitted_at) where bank_account_hash is not null;
