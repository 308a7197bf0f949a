package cn.gov.lvliang.renewal.equipment.register;

import cn.gov.lvliang.renewal.equipment.Labelled;

/** 燃料类型. */
public enum FuelType implements Labelled {
    DIESEL("柴油"),
    PETROL("汽油"),
    GAS("燃气"),
    ELECTRIC("电动"),
    OTHER("其他");

    private final String label;

    FuelType(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}
