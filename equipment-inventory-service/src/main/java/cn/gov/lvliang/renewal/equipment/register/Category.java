package cn.gov.lvliang.renewal.equipment.register;

import cn.gov.lvliang.renewal.equipment.Labelled;

/** 设备类别, after tasks (1)–(29). Pipelines are counted in km, everything else in sets (台/套). */
public enum Category implements Labelled {
    INDUSTRIAL_PRODUCTION("工业生产设备"),
    ENERGY_USING("用能设备"),
    POWER("电力设备"),
    ELEVATOR("电梯"),
    VEHICLE("车辆"),
    FARM_MACHINERY("农业机械"),
    MEDICAL("医疗设备"),
    EDUCATION("教育设备"),
    CULTURE_TOURISM("文旅设备（索道、游乐设施）"),
    SPORTS("体育设施"),
    MUNICIPAL_WATER("供水设施"),
    MUNICIPAL_HEATING("供热设施"),
    MUNICIPAL_GAS("燃气设施"),
    PIPELINE("市政管网（公里）"),
    /** Public institutions' office equipment, task (43): 市财政局 with 市机关事务服务中心. */
    OFFICE_EQUIPMENT("办公设备");

    private final String label;

    Category(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }

    /** 计量单位: km for pipelines, sets otherwise. */
    public String unitOfMeasure() {
        return this == PIPELINE ? "km" : "set";
    }
}
