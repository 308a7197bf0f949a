package cn.gov.lvliang.renewal.subsidy.claims;

/**
 * Why a claim was rejected or returned (驳回/退回原因). Every rejection and return carries one; the
 * automatic checks use the same codes.
 */
public enum ReasonCode {
    /** 能效等级不符合. */
    GRADE_NOT_ELIGIBLE,
    /** 价格超过上限. */
    PRICE_ABOVE_LIMIT,
    /** 品类不在补贴范围. */
    CATEGORY_NOT_COVERED,
    /** 新车动力类型不在补贴范围. */
    POWER_TYPE_NOT_COVERED,
    /** 燃油车排量超限. */
    DISPLACEMENT_ABOVE_LIMIT,
    /** 超过个人限购数量. */
    PER_PERSON_LIMIT_REACHED,
    /** 发票已被其他申请使用. */
    INVOICE_ALREADY_USED,
    /** 序列号已被其他申请使用. */
    SERIAL_ALREADY_USED,
    /** 回收证明不存在或已作废. */
    CERTIFICATE_NOT_VALID,
    /** 回收证明已被其他申请使用. */
    CERTIFICATE_ALREADY_USED,
    /** 车辆识别代号不符. */
    VIN_MISMATCH,
    /** 车主身份不符. */
    OWNER_MISMATCH,
    /** 旧车登记日期晚于截止日期. */
    REGISTERED_AFTER_CUTOFF,
    /** 新车已享受报废或置换补贴. */
    NEW_CAR_ALREADY_SUBSIDISED,
    /** 超过每人每年置换补贴次数. */
    REPLACEMENT_LIMIT_REACHED,
    /** 货车类别、排放标准或新车动力不在补贴标准表内 (decision 0039). */
    TRUCK_NOT_COVERED,
    /** 农机种类或功率不在补贴额一览表内 (decision 0039). */
    MACHINE_NOT_COVERED,
    /** 农机种类或功率与回收证明不符. */
    MACHINE_MISMATCH,
    /** 超过每户累计补贴上限 (家装厨卫, 适老化改造; decision 0040). */
    HOUSEHOLD_LIMIT_REACHED,
    /** 超过申请截止日期. */
    APPLICATION_DEADLINE_PASSED,
    /** 材料不全或不清. */
    EVIDENCE_INSUFFICIENT,
    /** 信息有误. */
    DATA_INCORRECT,
    /** 疑似骗补. */
    SUSPECTED_FRAUD,
    /** 资金已用完. */
    BUDGET_EXHAUSTED,
    /** 支付失败 (如账户有误). */
    PAYMENT_FAILED,
    /** 其他 (须附说明). */
    OTHER
}
