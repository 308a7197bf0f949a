-- 申请查询 by invoice number finds a claim of items (家装厨卫, 适老化改造) by any of its items' invoices:
-- the claim row keeps only the first item's (claim_invoice_number, V12 serves that one).
create index claim_home_item_invoice on claim_home_item (invoice_number);
