-- Audit records not yet chained (AuditChainer). The audited write inserts its row here inside its
-- own business transaction, without any lock: the row commits or rolls back with the write. The
-- chainer moves committed rows, in id order, into audit_record (numbered, hash-chained) under the
-- advisory lock and deletes them here, in one transaction, about every second. Until then a row is
-- not tamper-evident; GET .../audit-records/verification reports how many are waiting.
create table audit_pending (
    id           bigint generated always as identity primary key,
    recorded_at  timestamptz not null,
    actor        text        not null,
    roles        text        not null,
    client       text,
    operation    text        not null,
    resource     text        not null,
    status       integer     not null,
    request_id   text
);
