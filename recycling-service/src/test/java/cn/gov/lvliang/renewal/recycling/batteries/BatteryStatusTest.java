package cn.gov.lvliang.renewal.recycling.batteries;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

class BatteryStatusTest {

    /** Applying any sequence of requested statuses: REPURPOSED is never reached, nothing leaves WASTE. */
    @Property
    void noSequenceOfChangesReachesAForbiddenState(@ForAll List<BatteryStatus> requests) {
        BatteryStatus status = BatteryStatus.ORIGINAL;
        boolean wasted = false;
        for (BatteryStatus target : requests) {
            if (status.canBecome(target)) {
                status = target;
            }
            assertThat(status).isNotEqualTo(BatteryStatus.REPURPOSED);
            if (wasted) {
                assertThat(status).isEqualTo(BatteryStatus.WASTE);
            }
            wasted = status == BatteryStatus.WASTE;
        }
    }

    @Property
    void nothingBecomesItself(@ForAll BatteryStatus status) {
        assertThat(status.canBecome(status)).isFalse();
    }
}
