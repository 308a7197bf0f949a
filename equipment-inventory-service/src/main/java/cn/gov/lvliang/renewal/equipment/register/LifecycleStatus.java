package cn.gov.lvliang.renewal.equipment.register;

import cn.gov.lvliang.renewal.equipment.Labelled;
import java.util.EnumSet;
import java.util.Set;

/**
 * 生命周期状态. In service → renewal planned → retirement scheduled → retired; a completed renewal
 * (技术改造) returns the item to service; retired is final.
 */
public enum LifecycleStatus implements Labelled {
    IN_SERVICE("在用"),
    RENEWAL_PLANNED("计划更新改造"),
    RETIREMENT_SCHEDULED("计划淘汰"),
    RETIRED("已淘汰");

    private final String label;

    LifecycleStatus(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }

    /** The states this one may move to. */
    public Set<LifecycleStatus> next() {
        return switch (this) {
            case IN_SERVICE -> EnumSet.of(RENEWAL_PLANNED, RETIREMENT_SCHEDULED);
            case RENEWAL_PLANNED -> EnumSet.of(IN_SERVICE, RENEWAL_PLANNED, RETIREMENT_SCHEDULED);
            case RETIREMENT_SCHEDULED -> EnumSet.of(RETIREMENT_SCHEDULED, RETIRED);
            case RETIRED -> EnumSet.noneOf(LifecycleStatus.class);
        };
    }

    public boolean canMoveTo(LifecycleStatus target) {
        return next().contains(target);
    }
}
