-- Evidence documents (申请材料) of claims: metadata here, the bytes in the evidence store,
-- content-addressed by SHA-256 and encrypted (decision 0017). No row is ever deleted except by the
-- retention rule (docs/runbooks/evidence-reconcile.md): a paid claim's evidence is kept >= 5 years.
create table evidence_document (
    id            uuid        primary key,
    claim_id      uuid        not null references claim (id),
    kind          text        not null,
    sha256        text        not null check (sha256 ~ '^[0-9a-f]{64}$'),
    size_bytes    bigint      not null check (size_bytes >= 0),
    detected_type text        not null,
    uploaded_by   text        not null,
    uploaded_at   timestamptz not null,
    -- the same bytes uploaded twice to one claim are one document
    unique (claim_id, sha256)
);
create index evidence_document_sha256 on evidence_document (sha256);

-- A reviewer's waiver of one required kind, with its reason code.
create table evidence_waiver (
    claim_id    uuid        not null references claim (id),
    kind        text        not null,
    reason_code text        not null,
    note        text,
    waived_by   text        not null,
    waived_at   timestamptz not null,
    primary key (claim_id, kind)
);

-- The default evidence store (no server): each sealed object in chunks of at most 1 MiB, so that
-- neither a write nor a read holds a whole file. Only ciphertext is stored here.
create table evidence_object (
    sha256       text        primary key check (sha256 ~ '^[0-9a-f]{64}$'),
    sealed_bytes bigint      not null,
    stored_at    timestamptz not null default now()
);
create table evidence_object_chunk (
    sha256 text    not null references evidence_object (sha256) on delete cascade,
    seq    integer not null check (seq >= 0),
    data   bytea   not null,
    primary key (sha256, seq)
);
