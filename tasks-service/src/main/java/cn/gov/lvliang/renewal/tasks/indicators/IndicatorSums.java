package cn.gov.lvliang.renewal.tasks.indicators;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The indicator values a rebuild (指标重算) collects while it replays the event history: additions
 * summed per indicator, area and month, manual values kept as the last one set. Written to the store
 * once at the end ({@link IndicatorService#replaceAll}), instead of one upsert per event; the values
 * are the same, since an event-fed indicator is only ever added to and a manual one only ever set.
 */
public final class IndicatorSums implements IndicatorSink {

    /** One stored value: an indicator of an area in a month. */
    public record Cell(String code, String area, YearMonth month) {}

    private final Map<Cell, BigDecimal> added = new LinkedHashMap<>();
    private final Map<Cell, BigDecimal> manual = new LinkedHashMap<>();

    @Override
    public void add(String code, String county, LocalDate day, BigDecimal delta) {
        added.merge(new Cell(code, county, YearMonth.from(day)), delta, BigDecimal::add);
    }

    @Override
    public void putManual(String code, String area, YearMonth month, BigDecimal value) {
        manual.put(new Cell(code, area, month), value);
    }

    /** The summed additions of event-fed indicators. */
    public Map<Cell, BigDecimal> added() {
        return Map.copyOf(added);
    }

    /** The last value set of each manual indicator's cell. */
    public Map<Cell, BigDecimal> manual() {
        return Map.copyOf(manual);
    }
}
