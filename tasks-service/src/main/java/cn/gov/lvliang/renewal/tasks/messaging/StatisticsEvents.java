package cn.gov.lvliang.renewal.tasks.messaging;

/**
 * The statistics bureau's streams (统计局数据流), written by tasks-service through its outbox and
 * documented in docs/events/asyncapi.yaml. Bureau types are {@value #PREFIX} followed by the source
 * type's aggregate, event and version ({@code recycling.vehicle.scrapped.v1} becomes {@code
 * statistics.vehicle.scrapped.v1}).
 */
public final class StatisticsEvents {

    /** Every other stream, projected without personal data. Key: the source event's subject. */
    public static final String TOPIC = "statistics.events";
    /** Indicator snapshots per indicator, area and month. Key: {@code <indicator>:<area>:<period>}. */
    public static final String SNAPSHOT_TOPIC = "statistics.indicator-snapshots";

    public static final String PREFIX = "cn.gov.lvliang.statistics.";
    /** One indicator's value for one area and month (指标快照). */
    public static final String INDICATOR_SNAPSHOT = PREFIX + "indicator.snapshot.v1";

    private StatisticsEvents() {}
}
