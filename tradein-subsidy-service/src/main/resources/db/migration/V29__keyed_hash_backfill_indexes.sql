-- The keyed-hash backfill (KeyedHashBackfill) runs at every start and asks for claims whose hash is
-- still missing. No index answered that, so each start read the whole claim table to find none:
-- seconds at 10⁶ claims, minutes at 10⁷, before the service was ready. These partial indexes hold
-- only the claims still waiting for their hash, which after V15's first start is none, so the
-- question costs an empty index's read and a filed claim (whose hashes are set) never enters them.
-- "if not exists": on a database too large to block claim writes while they build, an operator
-- creates them concurrently first (same definitions) and this does nothing.
create index if not exists claim_phone_hash_missing on claim (id)
    where applicant_phone_hash is null and applicant_phone_encrypted is not null;
-- bank_account_encrypted is "not null", so PostgreSQL drops that half of the backfill's condition
-- before it matches an index's predicate: this one names the hash alone.
create index if not exists claim_bank_account_hash_missing on claim (id) where bank_account_hash is null;
