package cn.gov.lvliang.renewal.recycling.appliances;

/** 回收来源: how the old item reached the recycler. */
public enum RecyclingSource {
    /** 以旧换新回收: collected for a trade-in; may link to the subsidy claim. */
    TRADE_IN_COLLECTION,
    /** 上门回收. */
    DOOR_TO_DOOR,
    /** 交投点. */
    COLLECTION_POINT,
    /** 公共机构 (办公设备, task 43). */
    PUBLIC_INSTITUTION
}
