-- A blank cell stays blank (issue 20 §4): 是否营运 and 安全隐患数 may be unknown. Until now a blank
-- came back as 否 / 0 through these defaults. Rows stored before keep their values: which of them
-- were blank in their file is not known any more.
alter table equipment
    alter column operating drop not null,
    alter column operating drop default,
    alter column safety_findings drop not null,
    alter column safety_findings drop default;
