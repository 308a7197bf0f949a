package cn.gov.lvliang.renewal.equipment.register;

import cn.gov.lvliang.renewal.equipment.Labelled;

/** 处置方式 of retired equipment. */
public enum Disposal implements Labelled {
    SCRAPPED("报废"),
    REMANUFACTURED("再制造"),
    SOLD_SECOND_HAND("二手转让"),
    RECYCLED("回收利用");

    private final String label;

    Disposal(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}
