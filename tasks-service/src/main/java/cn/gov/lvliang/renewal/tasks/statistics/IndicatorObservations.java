package cn.gov.lvliang.renewal.tasks.statistics;

import cn.gov.lvliang.renewal.tasks.indicators.Indicator;
import cn.gov.lvliang.renewal.tasks.indicators.IndicatorService;
import cn.gov.lvliang.renewal.tasks.organisation.County;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.sql.Date;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The grid of observations the bureau receives: every indicator × every county and the city
 * (141100) × every month of a range, in a fixed order (indicator, area, month). The city's value of
 * a flow or count is the sum over the areas (as in the indicator API); a level's is its own value.
 * An event-fed indicator without events in a month is 0; a manual one without a value is missing.
 */
@ApplicationScoped
public class IndicatorObservations {

    private static final Map<String, String> UNITS = Map.of(
            "fen", "CNY_FEN",
            "vehicles", "VEHICLE",
            "items", "ITEM",
            "percent", "PERCENT",
            "compounds", "COMPOUND");

    private final EntityManager em;

    public IndicatorObservations(EntityManager em) {
        this.em = em;
    }

    /** Every area the bureau sees: the city, then the counties, by code. */
    @Transactional
    public List<String> areas() {
        List<String> out = new ArrayList<>();
        out.add(IndicatorService.CITY);
        County.<County>listAll(Sort.by("code")).forEach(c -> out.add(c.code));
        return out;
    }

    /**
     * @param area one area, or null for all
     */
    @Transactional
    public List<Observation> observations(YearMonth from, YearMonth to, String area) {
        List<String> areas = area == null ? areas() : List.of(area);
        Map<String, BigDecimal> own = new HashMap<>();
        Map<String, BigDecimal> citySums = new HashMap<>();
        List<?> rows = em.createNativeQuery("select indicator_code, area_code, period, value from indicator_value"
                        + " where period between ?1 and ?2")
                .setParameter(1, Date.valueOf(from.atDay(1)))
                .setParameter(2, Date.valueOf(to.atDay(1)))
                .getResultList();
        for (Object row : rows) {
            Object[] r = (Object[]) row;
            LocalDate day = r[2] instanceof Date d ? d.toLocalDate() : (LocalDate) r[2];
            YearMonth month = YearMonth.from(day);
            String code = (String) r[0];
            String areaCode = (String) r[1];
            BigDecimal value = (BigDecimal) r[3];
            own.put(key(code, areaCode, month), value);
            if (!IndicatorService.CITY.equals(areaCode)) {
                citySums.merge(key(code, IndicatorService.CITY, month), value, BigDecimal::add);
            }
        }
        List<Observation> out = new ArrayList<>();
        for (Indicator i : Indicator.<Indicator>listAll(Sort.by("code"))) {
            String unit = UNITS.getOrDefault(i.unit, i.unit.toUpperCase(java.util.Locale.ROOT));
            for (String a : areas) {
                boolean citySum = IndicatorService.CITY.equals(a) && i.measurement != Indicator.Measurement.LEVEL;
                for (YearMonth m = from; !m.isAfter(to); m = m.plusMonths(1)) {
                    BigDecimal value = (citySum ? citySums : own).get(key(i.code, a, m));
                    if (value == null && i.source == Indicator.Source.EVENT) {
                        value = BigDecimal.ZERO;
                    }
                    out.add(new Observation(i.code, a, m, value, unit, value == null ? "M" : "A"));
                }
            }
        }
        return out;
    }

    private static String key(String code, String area, YearMonth month) {
        return code + "|" + area + "|" + month;
    }
}
