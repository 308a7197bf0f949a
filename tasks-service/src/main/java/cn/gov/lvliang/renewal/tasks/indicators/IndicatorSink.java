package cn.gov.lvliang.renewal.tasks.indicators;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;

/**
 * Where {@link IndicatorActuals} puts what one event means for the indicators: straight into the
 * store (the live feed) or into the sums of a rebuild ({@link IndicatorSums}).
 */
public interface IndicatorSink {

    /** Adds {@code delta} to the event-fed indicator {@code code} of a county in the month of {@code day}. */
    void add(String code, String county, LocalDate day, BigDecimal delta);

    /** Sets a manual indicator's value of an area and month (the last one set wins). */
    void putManual(String code, String area, YearMonth month, BigDecimal value);
}
