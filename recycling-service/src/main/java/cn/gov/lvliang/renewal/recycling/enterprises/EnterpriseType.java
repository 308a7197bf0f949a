package cn.gov.lvliang.renewal.recycling.enterprises;

/** 企业类型: the kinds of licensed enterprise the recycling programme works with. */
public enum EnterpriseType {
    /** 报废机动车回收拆解企业 (dismantler). */
    DISMANTLER,
    /** 农机回收拆解企业 (farm-machinery dismantler): issues farm-machinery scrap certificates. */
    FARM_MACHINERY_DISMANTLER,
    /** 再生资源回收企业 (renewable-resource recycler). */
    RENEWABLE_RESOURCE_RECYCLER,
    /** 二手车交易市场 / 经销企业 (used-car market or dealer). */
    USED_CAR_MARKET,
    /** 再制造企业 (remanufacturer). */
    REMANUFACTURER,
    /** 梯次利用企业 (cascade-use enterprise). */
    CASCADE_USE,
    /** 动力电池回收企业 (battery recycler). */
    BATTERY_RECYCLER,
    /** 二手电子产品经营企业 (second-hand electronics). */
    SECOND_HAND_ELECTRONICS
}
