-- Issue 18 §2 and §3 (decision 0028): the readable claim number, the public status lookup's
-- lockout, appeals (复核) and the appeal window of a rule version.

-- 1. The claim number people read (受理编号): LL-<county>-<year>-<6-digit sequence>, the year of
-- filing in China time. One PostgreSQL sequence per county and year, created on first use, so that
-- concurrent filings never wait for one another (a counter row would be locked until the filing
-- commits). Numbers are unique, not gap-free: a rolled-back filing uses one up.
alter table claim add column claim_number text;

create function claim_number_next(county text, year integer) returns bigint
    language plpgsql as $$
declare
    seq text := format('claim_number_%s_%s', county, year);
begin
    begin
        return nextval(seq::regclass);
    exception when undefined_table then
        begin
            execute format('create sequence %I', seq);
        exception when duplicate_table or unique_violation then
            -- another filing created it at the same moment
            null;
        end;
        return nextval(seq::regclass);
    end;
end;
$$;

create function claim_number_assign() returns trigger
    language plpgsql as $$
declare
    year integer := extract(year from new.submitted_at at time zone 'Asia/Shanghai')::integer;
begin
    if new.claim_number is null then
        new.claim_number := format('LL-%s-%s-%s', new.county, year,
                                   lpad(claim_number_next(new.county, year)::text, 6, '0'));
    end if;
    return new;
end;
$$;

create trigger claim_number_assign before insert on claim
    for each row execute function claim_number_assign();

-- Backfill: existing claims numbered per county and year in filing order; each sequence then
-- continues after the highest number given.
do $$
declare
    r record;
begin
    for r in
        select id, county,
               extract(year from submitted_at at time zone 'Asia/Shanghai')::integer as year,
               row_number() over (partition by county, extract(year from submitted_at at time zone 'Asia/Shanghai')
                                  order by submitted_at, id) as n
        from claim
        order by 2, 3, 4
    loop
        update claim set claim_number = format('LL-%s-%s-%s', r.county, r.year, lpad(r.n::text, 6, '0'))
        where id = r.id;
        perform claim_number_next(r.county, r.year);
    end loop;
end;
$$;

alter table claim alter column claim_number set not null;
alter table claim add constraint claim_number_format check (claim_number ~ '^LL-[0-9]{6}-[0-9]{4}-[0-9]{6,}$');
create unique index claim_number_unique on claim (claim_number);

-- 2. Public status lookup (申请进度查询): failed tries per claim number, whether the claim exists
-- or not (so the lockout reveals nothing). The guard row serialises the tries of one number across
-- replicas; 10 failures within 15 minutes lock the number for 15 minutes.
create table public_lookup_guard (
    claim_number text        primary key,
    locked_until timestamptz
);
create table public_lookup_failure (
    claim_number text        not null references public_lookup_guard (claim_number) on delete cascade,
    failed_at    timestamptz not null
);
create index public_lookup_failure_number on public_lookup_failure (claim_number, failed_at);

-- 3. Appeals (复核): once per claim (the primary key on claim_id), against a rejection.
alter table claim drop constraint claim_status_check;
alter table claim add constraint claim_status_check check (status in ('SUBMITTED', 'VERIFYING',
    'PENDING_REVIEW', 'QUEUED', 'APPROVED', 'PAID', 'REJECTED', 'WITHDRAWN', 'RETURNED', 'APPEALED'));

alter table rule_version add column appeal_window_days integer not null default 15
    check (appeal_window_days between 1 and 365);

create table claim_appeal (
    claim_id       uuid        primary key references claim (id),
    status         text        not null check (status in ('APPEALED', 'UPHELD', 'DISMISSED')),
    appellant      text        not null check (appellant in ('FILER', 'APPLICANT')),
    appealed_by    text        not null,
    reason         text        not null check (length(reason) between 1 and 2000),
    appealed_at    timestamptz not null,
    -- the reviewer (or "system", a check) whose rejection is appealed: never its decider
    rejected_by    text        not null,
    rejected_at    timestamptz not null,
    decision_due   timestamptz not null,
    decided_by     text,
    decided_at     timestamptz,
    decision_note  text,
    version        bigint      not null default 0,
    check ((status = 'APPEALED') = (decided_at is null))
);
create index claim_appeal_open on claim_appeal (decision_due) where status = 'APPEALED';
