package cn.gov.lvliang.renewal.tasks.indicators;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.lvliang.renewal.tasks.indicators.Indicator.Measurement;
import cn.gov.lvliang.renewal.tasks.indicators.Indicator.TargetRule;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.TreeMap;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class TrajectoryTest {

    private static final LocalDate DEADLINE = LocalDate.of(2027, 12, 31);

    @Test
    void aDoublingFromAThousandIsHalfWayAtTheEndOf2025() {
        TreeMap<YearMonth, BigDecimal> monthly = new TreeMap<>();
        for (int m = 1; m <= 12; m++) {
            monthly.put(YearMonth.of(2025, m), BigDecimal.valueOf(120)); // 1440 a year
        }
        var a = Trajectory.assess(
                TargetRule.RELATIVE_GROWTH,
                Measurement.FLOW,
                BigDecimal.valueOf(100),
                2023,
                DEADLINE,
                BigDecimal.valueOf(1000),
                monthly,
                YearMonth.of(2025, 12));
        assertThat(a.target()).isEqualByComparingTo("2000");
        assertThat(a.actual()).isEqualByComparingTo("1440");
        assertThat(a.expected().doubleValue()).isBetween(1490.0, 1510.0);
        assertThat(a.behindSchedule()).isTrue();
        assertThat(a.progressPercent()).isEqualByComparingTo("44");
    }

    @Test
    void aCountStartsAtZeroAndAddsUp() {
        TreeMap<YearMonth, BigDecimal> monthly = new TreeMap<>();
        monthly.put(YearMonth.of(2024, 6), BigDecimal.valueOf(300));
        monthly.put(YearMonth.of(2025, 3), BigDecimal.valueOf(300));
        var a = Trajectory.assess(
                TargetRule.COUNT,
                Measurement.CUMULATIVE,
                BigDecimal.valueOf(659),
                2023,
                LocalDate.of(2025, 12, 31),
                null,
                monthly,
                YearMonth.of(2025, 6));
        assertThat(a.actual()).isEqualByComparingTo("600");
        assertThat(a.behindSchedule()).isFalse();
        assertThat(a.target()).isEqualByComparingTo("659");
    }

    @Test
    void withoutABaselineARelativeTargetIsUnknownAndNotBehind() {
        var a = Trajectory.assess(
                TargetRule.RELATIVE_GROWTH,
                Measurement.FLOW,
                BigDecimal.valueOf(45),
                2023,
                DEADLINE,
                null,
                new TreeMap<>(),
                YearMonth.of(2025, 1));
        assertThat(a.target()).isNull();
        assertThat(a.behindSchedule()).isFalse();
    }

    @Property
    void theLineRunsFromTheBaselineToTheTarget(
            @ForAll @IntRange(min = 1, max = 100_000) int baseline, @ForAll @IntRange(min = 1, max = 200) int growth) {
        BigDecimal b = BigDecimal.valueOf(baseline);
        var start = Trajectory.assess(
                TargetRule.RELATIVE_GROWTH,
                Measurement.FLOW,
                BigDecimal.valueOf(growth),
                2023,
                DEADLINE,
                b,
                new TreeMap<>(),
                YearMonth.of(2023, 12));
        var end = Trajectory.assess(
                TargetRule.RELATIVE_GROWTH,
                Measurement.FLOW,
                BigDecimal.valueOf(growth),
                2023,
                DEADLINE,
                b,
                new TreeMap<>(),
                YearMonth.of(2027, 12));
        assertThat(start.expected()).isEqualByComparingTo(b);
        assertThat(end.expected()).isEqualByComparingTo(end.target());
        assertThat(start.behindSchedule()).isFalse();
        assertThat(end.behindSchedule()).isTrue(); // nothing reported: behind at the deadline
    }
}
