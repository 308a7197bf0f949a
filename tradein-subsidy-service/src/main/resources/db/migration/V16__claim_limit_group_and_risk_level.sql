-- Per-person limits across programmes (issue 21 §2, decision 0038): a rule version may name a limit
-- group (limits.limitGroup, e.g. CAR for scrappage and replacement alike); the claim keeps the group
-- of the version it was filed under, so that one person's claims in the group are counted together,
-- whatever programme they were filed under. Older claims have none: no group was in force then.
alter table claim add column limit_group text;
create index claim_applicant_limit_group on claim (applicant_id_hash, limit_group) where limit_group is not null;

-- Risk summary (风险等级, decision 0038): the level of a claim's flags, kept with them (Claim sets
-- both together) so that the reviewers' list filters by it. The flags raised before this version
-- (PRICE_ANOMALY, ADDRESS_CONCENTRATION, INVOICE_MISMATCH) are each MEDIUM, two or more HIGH
-- (RiskSummary), which this update gives the claims filed before it.
alter table claim add column risk_level text not null default 'LOW' check (risk_level in ('LOW', 'MEDIUM', 'HIGH'));
update claim set risk_level = case when cardinality(flags) >= 2 then 'HIGH' else 'MEDIUM' end
 where cardinality(flags) > 0;
create index claim_risk_level on claim (risk_level, submitted_at) where risk_level <> 'LOW';
