package cn.gov.lvliang.renewal.equipment.register;

import cn.gov.lvliang.renewal.equipment.Labelled;

/** 能效水平 (2024 catalogue): below entry, entry (准入), saving (节能), advanced (先进). Stored apart from the grade. */
public enum EfficiencyTier implements Labelled {
    BELOW_ENTRY("未达准入水平"),
    ENTRY("准入水平"),
    SAVING("节能水平"),
    ADVANCED("先进水平");

    private final String label;

    EfficiencyTier(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}
