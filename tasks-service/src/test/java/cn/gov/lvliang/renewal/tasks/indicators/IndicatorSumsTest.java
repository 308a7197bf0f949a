package cn.gov.lvliang.renewal.tasks.indicators;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.lvliang.renewal.tasks.indicators.IndicatorSums.Cell;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Map;
import org.junit.jupiter.api.Test;

class IndicatorSumsTest {

    @Test
    void additionsAreSummedPerIndicatorAreaAndMonth() {
        IndicatorSums sums = new IndicatorSums();
        sums.add("SCRAPPED_CARS", "141102", LocalDate.of(2025, 3, 1), BigDecimal.ONE);
        sums.add("SCRAPPED_CARS", "141102", LocalDate.of(2025, 3, 31), BigDecimal.ONE);
        sums.add("SCRAPPED_CARS", "141102", LocalDate.of(2025, 4, 1), BigDecimal.ONE);
        sums.add("SCRAPPED_CARS", "141124", LocalDate.of(2025, 3, 15), BigDecimal.ONE);
        sums.add("SUBSIDY_SPEND", "141102", LocalDate.of(2025, 3, 15), new BigDecimal("150000"));
        sums.add("SUBSIDY_SPEND", "141102", LocalDate.of(2025, 3, 16), new BigDecimal("-50000"));

        assertThat(sums.added())
                .containsExactlyInAnyOrderEntriesOf(Map.of(
                        new Cell("SCRAPPED_CARS", "141102", YearMonth.of(2025, 3)),
                        new BigDecimal("2"),
                        new Cell("SCRAPPED_CARS", "141102", YearMonth.of(2025, 4)),
                        BigDecimal.ONE,
                        new Cell("SCRAPPED_CARS", "141124", YearMonth.of(2025, 3)),
                        BigDecimal.ONE,
                        new Cell("SUBSIDY_SPEND", "141102", YearMonth.of(2025, 3)),
                        new BigDecimal("100000")));
        assertThat(sums.manual()).isEmpty();
    }

    @Test
    void aManualValueSetTwiceKeepsTheLastInReplayOrder() {
        IndicatorSums sums = new IndicatorSums();
        YearMonth march = YearMonth.of(2025, 3);
        sums.putManual("MECHANISATION_RATE", "141102", march, new BigDecimal("71.5"));
        sums.putManual("MECHANISATION_RATE", "141102", march, new BigDecimal("72.0"));
        sums.putManual("MECHANISATION_RATE", "141100", march, new BigDecimal("70.1"));

        assertThat(sums.manual())
                .containsExactlyInAnyOrderEntriesOf(Map.of(
                        new Cell("MECHANISATION_RATE", "141102", march), new BigDecimal("72.0"),
                        new Cell("MECHANISATION_RATE", "141100", march), new BigDecimal("70.1")));
        assertThat(sums.added()).isEmpty();
    }
}
