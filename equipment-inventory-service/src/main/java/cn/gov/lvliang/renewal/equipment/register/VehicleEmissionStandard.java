package cn.gov.lvliang.renewal.equipment.register;

import cn.gov.lvliang.renewal.equipment.Labelled;

/** 机动车排放标准: 国一 (CN1) to 国六 (CN6). */
public enum VehicleEmissionStandard implements Labelled {
    CN1("国一"),
    CN2("国二"),
    CN3("国三"),
    CN4("国四"),
    CN5("国五"),
    CN6("国六");

    private final String label;

    VehicleEmissionStandard(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}
