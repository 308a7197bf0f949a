package cn.gov.lvliang.renewal.tasks.indicators;

import cn.gov.lvliang.renewal.platform.events.Outbox;
import cn.gov.lvliang.renewal.platform.problem.Problems;
import cn.gov.lvliang.renewal.tasks.indicators.Trajectory.Assessment;
import cn.gov.lvliang.renewal.tasks.messaging.IndicatorUpdated;
import cn.gov.lvliang.renewal.tasks.messaging.TasksEvents;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.sql.Date;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * Indicators: baselines, actual values per county and month (from events or entered by hand) and
 * progress against the trajectory. Area {@value #CITY} is the city as a whole.
 */
@ApplicationScoped
public class IndicatorService {

    public static final String CITY = "141100";

    private final EntityManager em;
    private final Outbox outbox;
    private final Clock clock;

    public IndicatorService(EntityManager em, Outbox outbox, Clock clock) {
        this.em = em;
        this.outbox = outbox;
        this.clock = clock;
    }

    /** One monthly value. */
    public record MonthlyValue(String period, BigDecimal value, Indicator.Source source, Instant updatedAt) {}

    /** An indicator with its assessment for one area. */
    public record IndicatorProgress(
            String code,
            String name,
            String unit,
            Indicator.TargetRule targetRule,
            BigDecimal targetValue,
            int baselineYear,
            LocalDate deadline,
            Indicator.Source source,
            String sourceEvent,
            Integer taskNumber,
            String quote,
            String areaCode,
            Assessment assessment) {}

    /**
     * Adds {@code delta} to an event-fed indicator for a county and the month of {@code day}, and
     * announces it when {@code announce}. Runs inside the consumer's inbox transaction, or in a
     * rebuild (which announces nothing).
     */
    public void add(String code, String county, LocalDate day, BigDecimal delta, String eventId, boolean announce) {
        YearMonth month = YearMonth.from(day);
        Object value = em.createNativeQuery(
                        "insert into indicator_value (indicator_code, area_code, period, value, source, updated_at)"
                                + " values (?1, ?2, ?3, ?4, 'EVENT', ?5)"
                                + " on conflict (indicator_code, area_code, period) do update set"
                                + " value = indicator_value.value + excluded.value, updated_at = excluded.updated_at,"
                                + " version = indicator_value.version + 1 returning value")
                .setParameter(1, code)
                .setParameter(2, county)
                .setParameter(3, Date.valueOf(month.atDay(1)))
                .setParameter(4, delta)
                .setParameter(5, Instant.now(clock))
                .getSingleResult();
        if (announce) {
            outbox.publish(
                    TasksEvents.TOPIC,
                    code + ":" + county,
                    TasksEvents.INDICATOR_UPDATED,
                    new IndicatorUpdated(
                            code,
                            county,
                            month.toString(),
                            (BigDecimal) value,
                            delta,
                            Indicator.Source.EVENT.name(),
                            eventId));
        }
    }

    /**
     * Replaces every stored value with what a rebuild summed (in the caller's transaction, which
     * holds the statistics feed's lock), announcing nothing.
     */
    public void replaceAll(IndicatorSums sums) {
        em.createNativeQuery("delete from indicator_value").executeUpdate();
        Instant now = Instant.now(clock);
        sums.added()
                .forEach((cell, sum) ->
                        add(cell.code(), cell.area(), cell.month().atDay(1), sum, null, false));
        sums.manual().forEach((cell, value) -> upsertManual(cell.code(), cell.area(), cell.month(), value, now));
    }

    /** Stores a manual value without announcing it (replaying its own {@code indicator.updated}). */
    public void putManual(String code, String area, YearMonth month, BigDecimal value) {
        upsertManual(code, area, month, value, Instant.now(clock));
    }

    /** Sets a manual value for an indicator that has no event source. */
    @Transactional
    public MonthlyValue setManual(String code, String area, YearMonth month, BigDecimal value) {
        Indicator indicator = indicator(code);
        if (indicator.source != Indicator.Source.MANUAL) {
            throw Problems.unprocessable("indicator-manual-only", "detail.indicator-manual-only", code);
        }
        Instant now = Instant.now(clock);
        upsertManual(code, area, month, value, now);
        outbox.publish(
                TasksEvents.TOPIC,
                code + ":" + area,
                TasksEvents.INDICATOR_UPDATED,
                new IndicatorUpdated(code, area, month.toString(), value, null, Indicator.Source.MANUAL.name(), null));
        return new MonthlyValue(month.toString(), value, Indicator.Source.MANUAL, now);
    }

    private void upsertManual(String code, String area, YearMonth month, BigDecimal value, Instant at) {
        em.createNativeQuery(
                        "insert into indicator_value (indicator_code, area_code, period, value, source, updated_at)"
                                + " values (?1, ?2, ?3, ?4, 'MANUAL', ?5)"
                                + " on conflict (indicator_code, area_code, period) do update set value = excluded.value,"
                                + " updated_at = excluded.updated_at, version = indicator_value.version + 1")
                .setParameter(1, code)
                .setParameter(2, area)
                .setParameter(3, Date.valueOf(month.atDay(1)))
                .setParameter(4, value)
                .setParameter(5, at)
                .executeUpdate();
    }

    /** Sets the baseline-year value of an indicator for a county or the city. */
    @Transactional
    public void setBaseline(String code, String area, BigDecimal value, String by) {
        indicator(code);
        em.createNativeQuery("insert into indicator_baseline (indicator_code, area_code, value, set_by, set_at)"
                        + " values (?1, ?2, ?3, ?4, ?5) on conflict (indicator_code, area_code) do update set"
                        + " value = excluded.value, set_by = excluded.set_by, set_at = excluded.set_at,"
                        + " version = indicator_baseline.version + 1")
                .setParameter(1, code)
                .setParameter(2, area)
                .setParameter(3, value)
                .setParameter(4, by)
                .setParameter(5, Instant.now(clock))
                .executeUpdate();
    }

    /**
     * Adds an indicator that the document does not state as such (设立指标): its target, where its
     * values come from (entered by hand: an event source needs code that reads the event), its
     * basis, and the baseline-year value for the city when given.
     *
     * @throws cn.gov.lvliang.renewal.platform.problem.ProblemException 409 when the code exists
     */
    @Transactional
    public IndicatorProgress addIndicator(Indicator indicator, BigDecimal cityBaseline, String by) {
        if (Indicator.findById(indicator.code) != null) {
            throw Problems.conflict("indicator-exists", "detail.indicator-exists", indicator.code);
        }
        indicator.persistAndFlush();
        if (cityBaseline != null) {
            setBaseline(indicator.code, CITY, cityBaseline, by);
        }
        return progress(indicator, CITY, thisMonth());
    }

    /** Sets several baselines at once: all or none. */
    @Transactional
    public void setBaselines(String code, List<BaselineCsv.Row> rows, String by) {
        for (BaselineCsv.Row row : rows) {
            setBaseline(code, row.area(), row.value(), by);
        }
    }

    @Transactional
    public List<IndicatorProgress> all(String area, YearMonth asOf) {
        List<IndicatorProgress> out = new ArrayList<>();
        for (Indicator i : Indicator.<Indicator>listAll(Sort.by("code"))) {
            out.add(progress(i, area, asOf));
        }
        return out;
    }

    @Transactional
    public IndicatorProgress one(String code, String area, YearMonth asOf) {
        return progress(indicator(code), area, asOf);
    }

    /** The monthly values of an area (the city: the counties' sum, or its own values for a level). */
    @Transactional
    public List<MonthlyValue> values(String code, String area) {
        Indicator indicator = indicator(code);
        List<MonthlyValue> out = new ArrayList<>();
        monthly(indicator, area).forEach((m, v) -> out.add(new MonthlyValue(m.toString(), v, indicator.source, null)));
        return out;
    }

    /** The current month by the service's clock. */
    public YearMonth thisMonth() {
        return YearMonth.now(clock);
    }

    private IndicatorProgress progress(Indicator i, String area, YearMonth asOf) {
        Assessment assessment = Trajectory.assess(
                i.targetRule,
                i.measurement,
                i.targetValue,
                i.baselineYear,
                i.deadline,
                baseline(i, area),
                monthly(i, area),
                asOf);
        return new IndicatorProgress(
                i.code,
                i.name,
                i.unit,
                i.targetRule,
                i.targetValue,
                i.baselineYear,
                i.deadline,
                i.source,
                i.sourceEvent,
                i.taskNumber,
                i.quote,
                area,
                assessment);
    }

    private BigDecimal baseline(Indicator i, String area) {
        List<?> own = em.createNativeQuery(
                        "select value from indicator_baseline where indicator_code = ?1 and area_code = ?2")
                .setParameter(1, i.code)
                .setParameter(2, area)
                .getResultList();
        if (!own.isEmpty()) {
            return (BigDecimal) own.get(0);
        }
        if (CITY.equals(area) && i.measurement != Indicator.Measurement.LEVEL) {
            Object sum = em.createNativeQuery(
                            "select sum(value) from indicator_baseline where indicator_code = ?1 and area_code <> ?2")
                    .setParameter(1, i.code)
                    .setParameter(2, CITY)
                    .getSingleResult();
            return (BigDecimal) sum;
        }
        return null;
    }

    private NavigableMap<YearMonth, BigDecimal> monthly(Indicator i, String area) {
        boolean citySum = CITY.equals(area) && i.measurement != Indicator.Measurement.LEVEL;
        List<?> rows = em.createNativeQuery(
                        citySum
                                ? "select period, sum(value) from indicator_value where indicator_code = ?1"
                                        + " and area_code <> ?2 group by period"
                                : "select period, value from indicator_value where indicator_code = ?1 and area_code = ?2")
                .setParameter(1, i.code)
                .setParameter(2, citySum ? CITY : area)
                .getResultList();
        NavigableMap<YearMonth, BigDecimal> map = new TreeMap<>();
        for (Object row : rows) {
            Object[] r = (Object[]) row;
            LocalDate period = r[0] instanceof Date d ? d.toLocalDate() : (LocalDate) r[0];
            map.put(YearMonth.from(period), (BigDecimal) r[1]);
        }
        return map;
    }

    private static Indicator indicator(String code) {
        Indicator i = Indicator.findById(code);
        if (i == null) {
            throw Problems.notFound("resource.indicator", code);
        }
        return i;
    }
}
