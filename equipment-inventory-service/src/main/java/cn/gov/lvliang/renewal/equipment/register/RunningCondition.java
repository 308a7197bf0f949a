package cn.gov.lvliang.renewal.equipment.register;

import cn.gov.lvliang.renewal.equipment.Labelled;

/** 运行状况: running condition. */
public enum RunningCondition implements Labelled {
    NORMAL("正常运行"),
    DEGRADED("带病运行"),
    IDLE("闲置"),
    STOPPED("停用");

    private final String label;

    RunningCondition(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}
