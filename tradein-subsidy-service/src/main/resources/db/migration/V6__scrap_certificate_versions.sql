-- Corrections and voiding of scrap certificates (certificate.corrected.v1 / certificate.voided.v1).
alter table scrap_certificate add column certificate_version integer not null default 1;
alter table scrap_certificate add column void_reason text;
alter table scrap_certificate add column voided_at timestamptz;
