package cn.gov.lvliang.renewal.recycling.usedcars;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

class TradeFlagsTest {

    private static final LocalDate REGISTERED = LocalDate.of(2025, 1, 31);

    @Property
    void zeroMileageExactlyWithinTheWindow(
            @ForAll @IntRange(min = 0, max = 800) int age, @ForAll @IntRange(min = 0, max = 365) int window) {
        assertThat(TradeFlags.zeroMileage(REGISTERED, REGISTERED.plusDays(age), window))
                .isEqualTo(age <= window);
    }

    @Example
    void crossRegionComparesTheCity() {
        assertThat(TradeFlags.crossRegion("141102", "141124")).isFalse();
        assertThat(TradeFlags.crossRegion("141102", "140105")).isTrue();
        assertThat(TradeFlags.crossRegion("141102", null)).isFalse();
    }
}
