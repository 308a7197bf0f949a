package cn.gov.lvliang.renewal.equipment.register;

import cn.gov.lvliang.renewal.equipment.Labelled;

/** 环保绩效等级: emission-performance grade A (best) to D. */
public enum EmissionGrade implements Labelled {
    A("A级"),
    B("B级"),
    C("C级"),
    D("D级");

    private final String label;

    EmissionGrade(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}
