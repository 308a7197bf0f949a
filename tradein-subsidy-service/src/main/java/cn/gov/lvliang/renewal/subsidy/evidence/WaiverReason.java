package cn.gov.lvliang.renewal.subsidy.evidence;

/** Why a reviewer waives a required kind of evidence (免予提交原因). */
public enum WaiverReason {
    /** 经系统核验 (e.g. the bank account checked through the bank's interface, the ID card online). */
    VERIFIED_BY_SYSTEM,
    /** 主管部门已掌握 (the issuing authority holds it, e.g. the deregistration in the vehicle registry). */
    HELD_BY_AUTHORITY,
    /** 不适用于本申请. */
    NOT_APPLICABLE,
    /** 其他 (须附说明). */
    OTHER
}
