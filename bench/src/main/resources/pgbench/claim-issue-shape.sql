-- The SQL shape of claim submission as the benchmark issue states it: duplicate lookup by keyed
-- hash, claim insert, budget conditional update, outbox insert; one transaction.
-- Runs against copies of the subsidy tables in schema "bench" (search_path set by the harness).
-- The copies have no triggers, so the claim number the service's trigger gives is written here.
-- pgbench reads ":name" as a variable even inside quotes, so no literal here has a colon followed
-- by a letter or digit.
-- The keyed hashes are char(64): they are compared as char(64), as the service's varchar parameters
-- are, because char(64) = text casts the column and scans the whole table instead of its index.
\set n random(1, 9000000000000)
\set county random(1, 13)
\set source random(1, 4)
BEGIN;
SELECT count(*) FROM claim
 WHERE applicant_id_hash = lpad(to_hex(:n::bigint), 64, '0')::char(64) AND programme_id = 'HOME-APPLIANCE'
   AND status NOT IN ('REJECTED', 'WITHDRAWN');
INSERT INTO claim (id, programme_id, category, rule_version_id, rule_version, county, seller_credit_code,
    filed_by_role, submitted_by, applicant_id_hash, applicant_id_encrypted, applicant_id_masked,
    applicant_name_encrypted, applicant_name_masked, applicant_phone_encrypted, bank_account_encrypted,
    bank_account_masked, delivery_address_hash, delivery_address_encrypted, claimant_pseudonym, purchase_date,
    product_category, model, serial_number, invoice_number, price_fen, efficiency_grade, amount_fen, computation,
    status, submitted_at, accept_due, review_due, claim_number)
VALUES (gen_random_uuid(), 'HOME-APPLIANCE', 'HOME_APPLIANCE', 3, 2, '141102', '91141100' || lpad((:n::bigint % 200)::text, 10, '0'),
    'county-officer', 'bench-county-officer', lpad(to_hex(:n::bigint), 64, '0'),
    'v1.Qm9ndXNjaXBoZXJ0ZXh0b2ZhbmlkbnVtYmVyYWVzZ2NtMTIzNDU2Nzg5MGFiY2RlZmdoaWprbG1ub3A=', '1411**********123X',
    'v1.Qm9ndXNjaXBoZXJ0ZXh0b2ZhbmFtZWFlc2djbTEyMzQ1Njc4OTA=', '张**',
    'v1.Qm9ndXNjaXBoZXJ0ZXh0b2ZhcGhvbmVhZXNnY20xMjM0NTY3ODkw',
    'v1.Qm9ndXNjaXBoZXJ0ZXh0b2ZhYmFua2FjY291bnRhZXNnY20xMjM0NTY3ODkw', '6222***********3445',
    lpad(to_hex(:n::bigint + 1), 64, '0'),
    'v1.Qm9ndXNjaXBoZXJ0ZXh0b2ZhZGVsaXZlcnlhZGRyZXNzYWVzZ2NtMTIzNDU2Nzg5MGFiY2RlZmdoaWprbG1ub3A=',
    lpad(to_hex(:n::bigint + 2), 64, '0'), '2025-03-01', 'AIR_CONDITIONER', 'KFR-35GW/N1', 'PSN' || :n::bigint,
    'PINV' || :n::bigint, 500000, 1, 100000, 'rule v2: 500000 fen × 1500 bp + grade-1 bonus 500 bp = 100000 fen',
    'PENDING_REVIEW', now(), now() + interval '3 days', now() + interval '15 days',
    'LL-141102-2026-' || lpad(:n::bigint::text, 13, '0'));
UPDATE budget_account SET reserved_fen = reserved_fen + 25000
 WHERE id = (:county::int - 1) * 4 + :source::int AND reserved_fen + posted_fen + 25000 <= allocated_fen;
INSERT INTO outbox_event (event_id, topic, aggregate_id, type, envelope)
VALUES (gen_random_uuid(), 'subsidy.events', 'claim-' || :n::bigint, 'cn.gov.lvliang.subsidy.claim.submitted.v1',
    '{"specversion": "1.0","id": "00000000-0000-0000-0000-000000000000","source": "/tradein-subsidy-service","type": "cn.gov.lvliang.subsidy.claim.submitted.v1","subject": "claim","time": "2026-01-01T00.00.00Z","datacontenttype": "application/json","data": {"claimId": "00000000-0000-0000-0000-000000000000","programmeId": "HOME-APPLIANCE","county": "141102","sellerCreditCode": "91141100MA0K0000XA","claimantPseudonym": "0000000000000000000000000000000000000000000000000000000000000000","amountFen": 100000,"ruleVersion": 2,"status": "SUBMITTED"}}');
END;
