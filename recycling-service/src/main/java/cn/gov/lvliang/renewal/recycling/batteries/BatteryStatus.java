package cn.gov.lvliang.renewal.recycling.batteries;

import java.util.EnumSet;
import java.util.Set;

/** 电池包状态 (GB/T 34014 traceability): where a traction-battery pack is in its second life. */
public enum BatteryStatus {
    /** 原始: as taken out of the scrapped vehicle. */
    ORIGINAL,
    /** 梯次利用 (重组): a new pack made from an original; always a new record linking to the original. */
    REPURPOSED,
    /** 再利用: used again as it is. */
    REUSED,
    /** 再制造. */
    REMANUFACTURED,
    /** 报废: for material recycling; the end of the chain. */
    WASTE;

    /**
     * The statuses a holder may set directly. {@link #REPURPOSED} is never set on a record: a
     * repurposed pack is a new record. {@link #WASTE} is final.
     */
    public Set<BatteryStatus> next() {
        return switch (this) {
            case ORIGINAL, REPURPOSED -> EnumSet.of(REUSED, REMANUFACTURED, WASTE);
            case REUSED -> EnumSet.of(REMANUFACTURED, WASTE);
            case REMANUFACTURED -> EnumSet.of(REUSED, WASTE);
            case WASTE -> EnumSet.noneOf(BatteryStatus.class);
        };
    }

    public boolean canBecome(BatteryStatus target) {
        return next().contains(target);
    }
}
