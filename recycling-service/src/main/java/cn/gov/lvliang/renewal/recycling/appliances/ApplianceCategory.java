package cn.gov.lvliang.renewal.recycling.appliances;

/**
 * 品类: household appliances and digital products of the trade-in programmes, and the office
 * equipment public institutions hand in (task 43).
 */
public enum ApplianceCategory {
    /** 电冰箱. */
    REFRIGERATOR,
    /** 洗衣机. */
    WASHING_MACHINE,
    /** 电视机. */
    TELEVISION,
    /** 空调. */
    AIR_CONDITIONER,
    /** 电脑. */
    COMPUTER,
    /** 热水器. */
    WATER_HEATER,
    /** 家用灶具. */
    HOUSEHOLD_STOVE,
    /** 吸油烟机. */
    RANGE_HOOD,
    /** 微波炉. */
    MICROWAVE_OVEN,
    /** 净水器. */
    WATER_PURIFIER,
    /** 洗碗机. */
    DISHWASHER,
    /** 电饭煲. */
    RICE_COOKER,
    /** 手机 / 电话机. */
    PHONE,
    /** 平板. */
    TABLET,
    /** 智能手表手环. */
    SMART_WATCH,
    /** 打印机 (办公设备). */
    PRINTER,
    /** 照相机 (办公设备). */
    CAMERA,
    /** 投影仪 (办公设备). */
    PROJECTOR,
    /** 其他. */
    OTHER
}
