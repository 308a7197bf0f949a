-- Claim lists are newest first (order by submitted_at desc, id). Without an index in that order every
-- page sorted the caller's whole scope: page 1 of 10^6 claims took over a second (issue 23's scale
-- curves). With these the list reads its page straight from the index: the city's list, a county's
-- list (county officers, county reviewers, the county filter) and an enterprise's own list (replacing
-- the index on the credit code alone, which the composite one serves as well).
create index claim_submitted on claim (submitted_at desc, id);
create index claim_county_submitted on claim (county, submitted_at desc, id);
create index claim_seller_submitted on claim (seller_credit_code, submitted_at desc, id);
drop index claim_seller;
