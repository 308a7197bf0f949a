package cn.gov.lvliang.renewal.tasks.indicators;

import cn.gov.lvliang.renewal.tasks.indicators.Indicator.Measurement;
import cn.gov.lvliang.renewal.tasks.indicators.Indicator.TargetRule;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.NavigableMap;

/**
 * Progress of an indicator against a straight line from its baseline (the end of the baseline
 * year) to its target (at the deadline). Pure arithmetic, unit-tested.
 */
public final class Trajectory {

    private static final MathContext MC = new MathContext(12, RoundingMode.HALF_EVEN);
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private Trajectory() {}

    /**
     * The assessment at a month.
     *
     * @param actual the actual value at {@code asOf} (last 12 months for a flow, sum since the
     *     baseline for a cumulative count, latest value for a level); null when nothing is known
     * @param target the value to reach at the deadline; null without baseline or target
     * @param expected where the straight line is at {@code asOf}; null when target is null
     * @param progressPercent how far from baseline to target the actual value is (0–100+)
     * @param behindSchedule the actual value is below the line
     */
    public record Assessment(
            YearMonth asOf,
            BigDecimal baseline,
            BigDecimal actual,
            BigDecimal target,
            BigDecimal expected,
            BigDecimal progressPercent,
            boolean behindSchedule) {}

    /** The target value a rule gives for a baseline. */
    static BigDecimal target(TargetRule rule, BigDecimal targetValue, BigDecimal baseline) {
        if (targetValue == null || rule == TargetRule.NONE) {
            return null;
        }
        return switch (rule) {
            case RELATIVE_GROWTH ->
                baseline == null ? null : baseline.multiply(BigDecimal.ONE.add(targetValue.divide(HUNDRED, MC)), MC);
            case SHARE_POINTS -> baseline == null ? null : baseline.add(targetValue);
            case ABSOLUTE, COUNT -> targetValue;
            case NONE -> null;
        };
    }

    /** The actual value at {@code asOf} from monthly values. */
    static BigDecimal actual(Measurement measurement, NavigableMap<YearMonth, BigDecimal> monthly, YearMonth asOf) {
        NavigableMap<YearMonth, BigDecimal> upTo = monthly.headMap(asOf, true);
        if (upTo.isEmpty()) {
            return null;
        }
        return switch (measurement) {
            case FLOW ->
                upTo.tailMap(asOf.minusMonths(11), true).values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
            case CUMULATIVE -> upTo.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
            case LEVEL -> upTo.lastEntry().getValue();
        };
    }

    /** Share of the way from the end of the baseline year to the deadline, 0 to 1, at the end of {@code asOf}. */
    static BigDecimal elapsed(int baselineYear, LocalDate deadline, YearMonth asOf) {
        LocalDate start = LocalDate.of(baselineYear, 12, 31);
        long total = ChronoUnit.DAYS.between(start, deadline);
        long done = ChronoUnit.DAYS.between(start, asOf.atEndOfMonth());
        if (total <= 0) {
            return BigDecimal.ONE;
        }
        double f = Math.max(0, Math.min(1, (double) done / total));
        return BigDecimal.valueOf(f);
    }

    /** Assesses an indicator for one area at a month. */
    public static Assessment assess(
            TargetRule rule,
            Measurement measurement,
            BigDecimal targetValue,
            int baselineYear,
            LocalDate deadline,
            BigDecimal baseline,
            NavigableMap<YearMonth, BigDecimal> monthly,
            YearMonth asOf) {
        BigDecimal actual = actual(measurement, monthly, asOf);
        BigDecimal target = target(rule, targetValue, baseline);
        if (target == null) {
            return new Assessment(asOf, baseline, actual, null, null, null, false);
        }
        // A count starts from zero; a level or a yearly flow starts from its baseline.
        BigDecimal from = rule == TargetRule.COUNT ? BigDecimal.ZERO : baseline;
        if (from == null) {
            return new Assessment(asOf, baseline, actual, target, null, null, false);
        }
        BigDecimal f = elapsed(baselineYear, deadline, asOf);
        BigDecimal expected = from.add(target.subtract(from).multiply(f, MC), MC);
        BigDecimal reached = actual == null ? from : actual;
        BigDecimal span = target.subtract(from);
        BigDecimal progress = span.signum() == 0
                ? HUNDRED
                : reached.subtract(from).multiply(HUNDRED).divide(span, 2, RoundingMode.HALF_EVEN);
        boolean behind = reached.compareTo(expected) < 0;
        return new Assessment(
                asOf, baseline, actual, target, expected.setScale(2, RoundingMode.HALF_EVEN), progress, behind);
    }
}
