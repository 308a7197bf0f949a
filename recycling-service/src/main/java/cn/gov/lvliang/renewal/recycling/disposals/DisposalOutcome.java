package cn.gov.lvliang.renewal.recycling.disposals;

/** 处置结果: how retired equipment ended. */
public enum DisposalOutcome {
    /** 报废拆解. */
    SCRAPPED,
    /** 再制造. */
    REMANUFACTURED,
    /** 二手出售. */
    SOLD_SECOND_HAND
}
