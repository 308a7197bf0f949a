-- Reminders (到期提醒) 7 days and 1 day before a due date, as supervision notices of reason DUE_SOON
-- naming the threshold. A reminder is never sent twice for the same assignment and threshold; the
-- scheduled reminder job claims its day in reminder_run, so that it runs once per day however many
-- instances run it.
alter table supervision_notice drop constraint supervision_notice_reason_check;
alter table supervision_notice add constraint supervision_notice_reason_check
    check (reason in ('OVERDUE', 'MISSING_REPORT', 'DUE_SOON'));
alter table supervision_notice add column days_before integer check (days_before > 0);
alter table supervision_notice add constraint supervision_notice_due_soon
    check ((reason = 'DUE_SOON') = (days_before is not null));
create unique index supervision_notice_reminder on supervision_notice (assignment_id, days_before)
    where reason = 'DUE_SOON';

create table reminder_run (
    day     date        primary key,
    ran_at  timestamptz not null
);
