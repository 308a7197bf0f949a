-- Filtered claim lists read only the list indexes (decision 0059 amends 0049). A list filtered by status,
-- programme or risk level walked the county's (or the city's) list index in order and read every claim's
-- row from the table to test the filter: counting a reviewer's queue (one county's appliance claims
-- pending review, 8 % of that county) up to 10,000 read ~120,000 rows at random, 0.7 s at 10^7 claims once
-- the table no longer fits in memory (issue 23's scale curves). With the filtered columns carried in the
-- indexes (INCLUDE: stored in the leaf, not part of the order) the filter is tested on the index entry and
-- the count and the page's ids are index-only scans; the queue's own shape (county and status, newest
-- first) gets its index in list order, replacing claim_county_status (county, status), which it serves as
-- a prefix. Same number of indexes as before; status was already indexed, so no update that was HOT
-- before stops being HOT.
drop index claim_submitted;
create index claim_submitted on claim (submitted_at desc, id) include (county, status, programme_id, risk_level);
drop index claim_county_submitted;
create index claim_county_submitted on claim (county, submitted_at desc, id) include (status, programme_id, risk_level);
drop index claim_county_status;
create index claim_county_status_submitted on claim (county, status, submitted_at desc, id) include (programme_id, risk_level);
