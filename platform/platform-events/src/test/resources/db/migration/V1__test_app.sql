-- The test app's one table: what its handler applied, one row per event.
create table applied_thing (
    event_id   text primary key,
    name       text not null
);
