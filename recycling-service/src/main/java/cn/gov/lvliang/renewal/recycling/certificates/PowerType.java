package cn.gov.lvliang.renewal.recycling.certificates;

/** 动力类型: what drives the scrapped vehicle; it selects the eligibility cut-off dates. */
public enum PowerType {
    /** 燃油 (汽油等，非柴油): petrol and other non-diesel fuels. */
    FUEL,
    /** 柴油. */
    DIESEL,
    /** 新能源: battery-electric, plug-in hybrid, fuel cell. */
    NEV
}
