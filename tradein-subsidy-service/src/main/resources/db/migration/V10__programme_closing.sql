-- A city administrator closes a programme (停止受理): from then on it takes no new claim. Claims
-- already filed go on through review and payment. Closing is final and records who, when and why.
alter table programme
    add column closed_at     timestamptz,
    add column closed_by     text,
    add column closed_reason text,
    add constraint programme_closed_fields check (
        (closed_at is null and closed_by is null and closed_reason is null)
        or (closed_at is not null and closed_by is not null and closed_reason is not null));
