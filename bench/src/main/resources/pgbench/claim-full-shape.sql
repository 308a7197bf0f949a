-- Every statement tradein-subsidy-service runs to file one home-appliance claim with an
-- Idempotency-Key (ClaimResource → IdempotencyKeys, ClaimFiling, ClaimVerification, Outbox,
-- RequestAudit), in the same order and transactions: the key is claimed in its own transaction,
-- everything else in one. 23 statements; the service sends the 9 check and 3 transition inserts as
-- one JDBC batch each, so 13 round trips and 2 commits (ClaimStatementsTest counts them at the
-- JDBC driver and lists them in this order; decisions 0052, 0057: the applicant's advisory lock is
-- taken by the uses' insert). pgbench cannot batch: one statement each.
-- Data spread like the load generator's: 200 sellers, 20 models, a new applicant (ID, phone, bank
-- account, address) per claim.
-- Runs against copies of the subsidy tables in schema "bench" (search_path set by the harness).
-- The copies have no triggers, so the claim number the service's trigger gives is written here.
-- pgbench reads ":name" as a variable even inside quotes, so no literal here has a colon followed
-- by a letter or digit.
-- The keyed hashes are char(64): they are compared as char(64), as the service's varchar parameters
-- are, because char(64) = text casts the column and scans the whole table instead of its index.
\set n random(1, 9000000000000)
INSERT INTO idempotency_key (caller, idempotency_key, request_hash, state, created_at)
VALUES ('bench-county-officer', 'key-' || :n::bigint, lpad(to_hex(:n::bigint), 64, '0'), 'IN_FLIGHT', now())
ON CONFLICT DO NOTHING;
BEGIN;
SELECT p.id, p.category, p.closed_at, p.when_exhausted, v.id, v.version, v.parameters
  FROM public.programme p LEFT JOIN public.rule_version v ON v.programme_id = p.id
   AND v.effective_from <= '2025-03-01' AND (v.effective_to IS NULL OR v.effective_to >= '2025-03-01')
 WHERE p.id = 'HOME-APPLIANCE' ORDER BY v.version DESC LIMIT 1;
SELECT gen_random_uuid() AS cid \gset
INSERT INTO claim (id, programme_id, category, rule_version_id, rule_version, county, seller_credit_code,
    filed_by_role, submitted_by, applicant_id_hash, applicant_id_encrypted, applicant_id_masked,
    applicant_name_encrypted, applicant_name_masked, applicant_phone_encrypted, applicant_phone_hash,
    bank_account_encrypted, bank_account_hash, bank_account_masked, delivery_address_hash, delivery_address_encrypted, claimant_pseudonym, purchase_date,
    product_category, model, serial_number, invoice_number, price_fen, efficiency_grade, amount_fen, computation,
    status, submitted_at, accept_due, version, claim_number)
VALUES (:cid::uuid, 'HOME-APPLIANCE', 'HOME_APPLIANCE', 3, 2, '141102', '91141100' || lpad((:n::bigint % 200)::text, 10, '0'),
    'county-officer', 'bench-county-officer', lpad(to_hex(:n::bigint), 64, '0'),
    'v1.Qm9ndXNjaXBoZXJ0ZXh0b2ZhbmlkbnVtYmVyYWVzZ2NtMTIzNDU2Nzg5MGFiY2RlZmdoaWprbG1ub3A=', '1411**********123X',
    'v1.Qm9ndXNjaXBoZXJ0ZXh0b2ZhbmFtZWFlc2djbTEyMzQ1Njc4OTA=', '张**',
    'v1.Qm9ndXNjaXBoZXJ0ZXh0b2ZhcGhvbmVhZXNnY20xMjM0NTY3ODkw', lpad(to_hex(:n::bigint + 4), 64, '0'),
    'v1.Qm9ndXNjaXBoZXJ0ZXh0b2ZhYmFua2FjY291bnRhZXNnY20xMjM0NTY3ODkw', lpad(to_hex(:n::bigint + 3), 64, '0'),
    '6222***********3445',
    lpad(to_hex(:n::bigint + 1), 64, '0'),
    'v1.Qm9ndXNjaXBoZXJ0ZXh0b2ZhZGVsaXZlcnlhZGRyZXNzYWVzZ2NtMTIzNDU2Nzg5MGFiY2RlZmdoaWprbG1ub3A=',
    lpad(to_hex(:n::bigint + 2), 64, '0'), '2025-03-01', 'AIR_CONDITIONER', 'KFR-35GW/N' || (:n::bigint % 20),
    'PSN' || :n::bigint, 'PINV' || :n::bigint, 500000, 1, 100000,
    'rule v2: 500000 fen × 1500 bp + grade-1 bonus 500 bp = 100000 fen', 'SUBMITTED', now(),
    now() + interval '3 days', 0, 'LL-141102-2026-' || lpad(:n::bigint::text, 13, '0'));
INSERT INTO outbox_event (event_id, topic, aggregate_id, type, envelope, created_at)
VALUES (gen_random_uuid(), 'subsidy.events', :cid, 'cn.gov.lvliang.subsidy.claim.submitted.v1',
    '{"specversion": "1.0","id": "00000000-0000-0000-0000-000000000000","source": "/tradein-subsidy-service","type": "cn.gov.lvliang.subsidy.claim.submitted.v1","subject": "claim","time": "2026-01-01T00.00.00Z","datacontenttype": "application/json","data": {"claimId": "00000000-0000-0000-0000-000000000000","programmeId": "HOME-APPLIANCE","county": "141102","sellerCreditCode": "91141100MA0K0000XA","claimantPseudonym": "0000000000000000000000000000000000000000000000000000000000000000","amountFen": 100000,"ruleVersion": 2,"status": "SUBMITTED"}}',
    now());
INSERT INTO claim_unique_use (kind, value, claim_id, used_at)
SELECT u.* FROM (SELECT pg_advisory_xact_lock(hashtextextended(lpad(to_hex(:n::bigint), 64, '0'), 0))) applicant,
 (VALUES ('INVOICE', 'PINV' || :n::bigint, :cid::uuid, now()), ('SERIAL', 'PSN' || :n::bigint, :cid::uuid, now())) u
ON CONFLICT (kind, value) DO NOTHING RETURNING kind, value;
SELECT person.n, seller.n, seller.average, address.n FROM
 (SELECT count(*) n FROM claim WHERE applicant_id_hash = lpad(to_hex(:n::bigint), 64, '0')::char(64)
     AND programme_id = 'HOME-APPLIANCE' AND product_category = 'AIR_CONDITIONER' AND id <> :cid::uuid
     AND extract(year FROM purchase_date) = 2025 AND status NOT IN ('REJECTED', 'WITHDRAWN')) person,
 (SELECT count(*) n, coalesce(avg(price_fen), 0) average FROM claim
   WHERE seller_credit_code = '91141100' || lpad((:n::bigint % 200)::text, 10, '0')
     AND model = 'KFR-35GW/N' || (:n::bigint % 20) AND id <> :cid::uuid AND submitted_at < now()
     AND status NOT IN ('REJECTED', 'WITHDRAWN')) seller,
 (SELECT count(*) n FROM claim WHERE delivery_address_hash = lpad(to_hex(:n::bigint + 1), 64, '0')::char(64)
     AND status NOT IN ('REJECTED', 'WITHDRAWN')) address;
(SELECT 'BANK_ACCOUNT', claim_number, count(*) OVER () FROM claim
  WHERE bank_account_hash = lpad(to_hex(:n::bigint + 3), 64, '0')::char(64) AND id <> :cid::uuid
    AND submitted_at BETWEEN now() - interval '365 days' AND now() + interval '365 days'
    AND status NOT IN ('REJECTED', 'WITHDRAWN') ORDER BY submitted_at, claim_number LIMIT 20)
UNION ALL
(SELECT 'PHONE', claim_number, count(*) OVER () FROM claim
  WHERE applicant_phone_hash = lpad(to_hex(:n::bigint + 4), 64, '0')::char(64) AND id <> :cid::uuid
    AND submitted_at BETWEEN now() - interval '365 days' AND now() + interval '365 days'
    AND status NOT IN ('REJECTED', 'WITHDRAWN') ORDER BY submitted_at, claim_number LIMIT 20);
INSERT INTO outbox_event (event_id, topic, aggregate_id, type, envelope, created_at)
VALUES (gen_random_uuid(), 'subsidy.events', :cid, 'cn.gov.lvliang.subsidy.claim.verified.v1',
    '{"specversion": "1.0","id": "00000000-0000-0000-0000-000000000000","source": "/tradein-subsidy-service","type": "cn.gov.lvliang.subsidy.claim.verified.v1","subject": "claim","time": "2026-01-01T00.00.00Z","datacontenttype": "application/json","data": {"claimId": "00000000-0000-0000-0000-000000000000","programmeId": "HOME-APPLIANCE","county": "141102","amountFen": 100000,"flags": []}}',
    now());
INSERT INTO claim_check (claim_id, run, code, outcome, reason_code, evidence, checked_at) VALUES
    (:cid::uuid, 1, 'ELIGIBILITY', 'PASSED', NULL, '500000 fen × 1500 bp + grade-1 bonus 500 bp = 100000 fen', now());
INSERT INTO claim_check (claim_id, run, code, outcome, reason_code, evidence, checked_at) VALUES
    (:cid::uuid, 1, 'APPLICATION_DEADLINE', 'PASSED', NULL, 'filed 2026-01-01', now());
INSERT INTO claim_check (claim_id, run, code, outcome, reason_code, evidence, checked_at) VALUES
    (:cid::uuid, 1, 'INVOICE_UNUSED', 'PASSED', NULL, 'invoice used by this claim only', now());
INSERT INTO claim_check (claim_id, run, code, outcome, reason_code, evidence, checked_at) VALUES
    (:cid::uuid, 1, 'SERIAL_UNUSED', 'PASSED', NULL, 'serial used by this claim only', now());
INSERT INTO claim_check (claim_id, run, code, outcome, reason_code, evidence, checked_at) VALUES
    (:cid::uuid, 1, 'PER_PERSON_LIMIT', 'PASSED', NULL, '0 earlier AIR_CONDITIONER claim(s), limit 1', now());
INSERT INTO claim_check (claim_id, run, code, outcome, reason_code, evidence, checked_at) VALUES
    (:cid::uuid, 1, 'PRICE_ANOMALY', 'PASSED', NULL, 'seller''s average 500000 fen over 12 earlier sale(s)', now());
INSERT INTO claim_check (claim_id, run, code, outcome, reason_code, evidence, checked_at) VALUES
    (:cid::uuid, 1, 'ADDRESS_CONCENTRATION', 'PASSED', NULL, '0 subsidised deliveries to this address', now());
INSERT INTO claim_check (claim_id, run, code, outcome, reason_code, evidence, checked_at) VALUES
    (:cid::uuid, 1, 'SHARED_BANK_ACCOUNT', 'PASSED', NULL, 'no other live claim pays into this bank account', now());
INSERT INTO claim_check (claim_id, run, code, outcome, reason_code, evidence, checked_at) VALUES
    (:cid::uuid, 1, 'SHARED_PHONE', 'PASSED', NULL, 'no other live claim gives this phone', now());
INSERT INTO claim_transition (claim_id, from_status, to_status, actor, reason_code, note, at) VALUES
    (:cid::uuid, NULL, 'SUBMITTED', 'bench-county-officer', NULL, NULL, now());
INSERT INTO claim_transition (claim_id, from_status, to_status, actor, reason_code, note, at) VALUES
    (:cid::uuid, 'SUBMITTED', 'VERIFYING', 'system', NULL, NULL, now());
INSERT INTO claim_transition (claim_id, from_status, to_status, actor, reason_code, note, at) VALUES
    (:cid::uuid, 'VERIFYING', 'PENDING_REVIEW', 'system', NULL, NULL, now());
UPDATE claim SET status = 'PENDING_REVIEW', accepted_at = now(), review_due = now() + interval '15 days',
    version = version + 1 WHERE id = :cid::uuid AND version = 0;
UPDATE idempotency_key SET state = 'DONE', response_status = 201, response_body = repeat('x', 1500)
 WHERE caller = 'bench-county-officer' AND idempotency_key = 'key-' || :n::bigint;
INSERT INTO audit_pending (recorded_at, actor, roles, client, operation, resource, status, request_id)
VALUES (now(), 'bench-county-officer', 'county-officer', 'bench', 'fileClaim', '/api/subsidies/claims', 201,
    'bench-' || :n::bigint);
END;
