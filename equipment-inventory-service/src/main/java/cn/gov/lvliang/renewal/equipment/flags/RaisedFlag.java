package cn.gov.lvliang.renewal.equipment.flags;

/** A flag a rule raised: the rule, its version and the reason in words (中文 / English). */
public record RaisedFlag(String ruleCode, int ruleVersion, String reason) {}
