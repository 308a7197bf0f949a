-- 分项目分月申请与补贴汇总 (GET /api/subsidies/claims/monthly-totals, decision 0044): the claims per
-- programme and month of submission on China's wall clock, read from this index alone and in its
-- order (index-only scan, GroupAggregate without a sort). The second column is the query's month
-- expression, written alike (ClaimMonthlyTotals.MONTH); ANALYZE then also knows how many months
-- there are. The included columns are what the totals sum and what the scopes filter on (county,
-- the seller's credit code), and submitted_at, without which PostgreSQL does not consider an
-- index-only scan of an expression index. "if not exists": on a database too large to block claim
-- writes while it builds, an operator creates it concurrently first (same definition) and this does nothing.
create index if not exists claim_monthly_totals on claim
    (programme_id, (date_trunc('month', timezone('Asia/Shanghai', submitted_at))))
    include (amount_fen, paid_amount_fen, county, seller_credit_code, submitted_at);
