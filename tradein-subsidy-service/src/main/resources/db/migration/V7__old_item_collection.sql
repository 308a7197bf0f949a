-- 换新+回收: a rule version may require the old item to be collected before the claim is paid.
-- The claim keeps that requirement (fixed when it is filed) and the collection recycling-service
-- recorded for it (appliance.recycled.v1 with this claim's id); payment batches leave claims that
-- still wait for their collection out.
alter table claim
    add column collection_required     boolean not null default false,
    add column old_item_collected_on   date,
    add column collection_record_id    text;

create index claim_awaiting_collection on claim (programme_id, county)
    where collection_required and old_item_collected_on is null;
