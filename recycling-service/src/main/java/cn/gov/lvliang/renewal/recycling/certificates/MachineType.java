package cn.gov.lvliang.renewal.recycling.certificates;

/**
 * 机具品目: the kind of farm machine scrapped, as the farm-machinery amount tables group them (the
 * code is what the events carry and the subsidy's amount table keys on).
 */
public enum MachineType {
    /** 拖拉机. */
    TRACTOR,
    /** 联合收割机 (谷物、玉米等). */
    COMBINE_HARVESTER,
    /** 水稻插秧机. */
    TRANSPLANTER,
    /** 植保机械 (喷雾机、喷杆喷雾机). */
    SPRAYER,
    /** 其他报废农机. */
    OTHER
}
