-- The service's audit trail (审计记录): every write and every read of unmasked personal data.
-- Append-only: the triggers below refuse updates, deletes and truncation. Each row carries the
-- SHA-256 of the previous row's hash and its own canonical content (AuditChain), so a row altered
-- or deleted by someone who bypasses the triggers is found by GET .../audit-records/verification.
create table audit_record (
    seq            bigint      primary key,
    recorded_at    timestamptz not null,
    actor          text        not null,
    roles          text        not null,
    client         text,
    operation      text        not null,
    resource       text        not null,
    status         integer     not null,
    request_id     text,
    previous_hash  char(64)    not null,
    hash           char(64)    not null unique
);
create index audit_record_actor on audit_record (actor, seq);

create function audit_record_is_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'audit_record is append-only';
end
$$;

create trigger audit_record_no_update_or_delete before update or delete on audit_record
    for each row execute function audit_record_is_append_only();
create trigger audit_record_no_truncate before truncate on audit_record
    for each statement execute function audit_record_is_append_only();
