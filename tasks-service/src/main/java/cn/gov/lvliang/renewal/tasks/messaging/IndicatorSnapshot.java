package cn.gov.lvliang.renewal.tasks.messaging;

import java.math.BigDecimal;
import java.util.UUID;

/** Data of {@value StatisticsEvents#INDICATOR_SNAPSHOT}: one indicator's value for an area and month (指标快照). */
public record IndicatorSnapshot(
        UUID snapshotId,
        String indicatorCode,
        String areaCode,
        String period,
        BigDecimal value,
        String unit,
        String obsStatus,
        boolean closing) {}
