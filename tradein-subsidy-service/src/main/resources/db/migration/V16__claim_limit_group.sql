-- Per-person limits across programmes (issue 21 §2, decision 0038): a rule version may name a limit
-- group (limits.limitGroup, e.g. CAR for scrappage and replacement alike); the claim keeps the group
-- of the version it was filed under, so that one person's claims in the group are counted together,
-- whatever programme they were filed under. Older claims have none: no group was in force then.
alter table claim add column limit_group text;
create index claim_applicant_limit_group on claim (applicant_id_hash, limit_group) where limit_group is not null;
