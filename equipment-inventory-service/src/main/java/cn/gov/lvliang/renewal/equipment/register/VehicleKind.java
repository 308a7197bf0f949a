package cn.gov.lvliang.renewal.equipment.register;

import cn.gov.lvliang.renewal.equipment.Labelled;

/** 车辆类型 (vehicles only). */
public enum VehicleKind implements Labelled {
    TRUCK("货车"),
    BUS("客车"),
    CAR("乘用车"),
    SPECIAL("专用车");

    private final String label;

    VehicleKind(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}
