package cn.gov.lvliang.renewal.subsidy.claims;

/** 风险等级: how much a claim's flags call for a reviewer's attention (decision 0038). */
public enum RiskLevel {
    /** 低: no flag. */
    LOW,
    /** 中: one flag that often has an innocent explanation. */
    MEDIUM,
    /** 高: a flag of a known fraud pattern, or two flags or more. */
    HIGH
}
