package cn.gov.lvliang.renewal.equipment.units;

import cn.gov.lvliang.renewal.equipment.Labelled;

/** 单位类型: the kind of project unit. */
public enum UnitType implements Labelled {
    ENTERPRISE("企业"),
    HOSPITAL("医院"),
    SCHOOL("学校"),
    PUBLIC_INSTITUTION("事业单位"),
    OPERATOR("运营单位"),
    /** A natural person (农户/个人): identified by a resident ID number, never shown in plaintext (decision 0041). */
    PERSON("农户/个人");

    private final String label;

    UnitType(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}
