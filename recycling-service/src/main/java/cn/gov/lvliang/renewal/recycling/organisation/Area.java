package cn.gov.lvliang.renewal.recycling.organisation;

/** The kinds of recycling records a department can be made responsible for (职责范围). */
public enum Area {
    /** 回收企业 and their qualifications. */
    ENTERPRISES,
    /** 回收网点. */
    SITES,
    /** 报废机动车回收证明: scrapped cars' and trucks' certificates. */
    SCRAP_CERTIFICATES,
    /** 农机报废回收证明: scrapped farm machinery's certificates (市农业农村局, V9). */
    FARM_MACHINERY_CERTIFICATES,
    /** 动力电池溯源. */
    BATTERIES,
    /** 二手车交易. */
    USED_CAR_TRADES,
    /** 废旧家电回收. */
    APPLIANCE_RECORDS,
    /** 数据清除证明. */
    DATA_WIPES,
    /** 再制造. */
    REMANUFACTURING,
    /** 退役设备处置. */
    DISPOSALS
}
