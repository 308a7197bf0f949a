package cn.gov.lvliang.renewal.tasks.messaging;

import java.math.BigDecimal;

/**
 * Data of {@value TasksEvents#INDICATOR_UPDATED}: an indicator's actual value (指标实际值) for an area
 * and month; {@code source} is {@code EVENT} or {@code MANUAL}, {@code delta} and {@code
 * sourceEventId} are set for values that events moved.
 */
public record IndicatorUpdated(
        String indicatorCode,
        String areaCode,
        String period,
        BigDecimal value,
        BigDecimal delta,
        String source,
        String sourceEventId) {}
