package cn.gov.lvliang.renewal.subsidy.budget;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

class SharesTest {

    @Test
    void nineToOneSplitOfAThousandYuan() {
        assertThat(Shares.split(100_000, new int[] {9000, 500, 250, 250})).containsExactly(90_000, 5_000, 2_500, 2_500);
    }

    @Test
    void leftoverFenGoToTheLargestRemainders() {
        assertThat(Shares.split(1, new int[] {9000, 500, 250, 250})).containsExactly(1, 0, 0, 0);
        assertThat(Shares.split(3, new int[] {3334, 3333, 3333, 0})).containsExactly(1, 1, 1, 0);
    }

    @Provide
    Arbitrary<int[]> shares() {
        return Arbitraries.integers()
                .between(0, 10_000)
                .array(int[].class)
                .ofSize(3)
                .map(cuts -> {
                    int[] sorted = cuts.clone();
                    Arrays.sort(sorted);
                    return new int[] {sorted[0], sorted[1] - sorted[0], sorted[2] - sorted[1], 10_000 - sorted[2]};
                });
    }

    @Property
    void partsAreWholeFenNeverNegativeAndAddUpExactly(
            @ForAll @LongRange(min = 0, max = 100_000_000_000L) long amountFen, @ForAll("shares") int[] sharesBp) {
        long[] parts = Shares.split(amountFen, sharesBp);
        assertThat(Arrays.stream(parts).sum()).isEqualTo(amountFen);
        for (int i = 0; i < parts.length; i++) {
            assertThat(parts[i]).isGreaterThanOrEqualTo(0);
            // each part is within one fen of its exact share, and a zero share gets nothing
            double exact = (double) amountFen * sharesBp[i] / 10_000;
            assertThat(Math.abs(parts[i] - exact)).isLessThan(1.0 + 1e-6);
            if (sharesBp[i] == 0) {
                assertThat(parts[i]).isZero();
            }
        }
    }
}
