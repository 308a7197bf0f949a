package cn.gov.lvliang.renewal.console.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class IndicatorPointsTest {

    @Test
    void beforeTheDeadlineNowComesBetweenTheBaselineAndTheTarget() {
        List<List<Object>> rows = Charts.inTimeOrder(List.of(
                Arrays.asList("baseline", "2023", 100, 100),
                Arrays.asList("now", "2026-12", 400, 380),
                Arrays.asList("target", "2027-12-31", 660, null)));

        assertThat(rows).extracting(r -> r.get(0)).containsExactly("baseline", "now", "target");
    }

    @Test
    void onceTheDeadlineHasPassedNowComesAfterTheTarget() {
        List<List<Object>> rows = Charts.inTimeOrder(List.of(
                Arrays.asList("baseline", "2023", 100, 100),
                Arrays.asList("now", "2026-12", 660, 200),
                Arrays.asList("target", "2025-12-31", 660, null)));

        assertThat(rows).extracting(r -> r.get(1)).containsExactly("2023", "2025-12-31", "2026-12");
    }
}
