package cn.gov.lvliang.renewal.tasks.supervision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;

/** A supervision notice only climbs while open, and a resolved notice never reopens or climbs. */
class SupervisionNoticeStateTest {

    enum Step {
        ESCALATE,
        RESOLVE
    }

    @Property
    void levelsRiseOnlyWhileOpenAndResolvedIsFinal(@ForAll @Size(max = 20) List<Step> steps) {
        SupervisionNotice notice = new SupervisionNotice();
        notice.status = SupervisionNotice.Status.OPEN;
        notice.level = 1;
        notice.issuedAt = Instant.parse("2025-01-01T00:00:00Z");
        int expectedLevel = 1;
        boolean resolved = false;
        Instant now = notice.issuedAt;
        for (Step step : steps) {
            now = now.plusSeconds(86_400);
            if (step == Step.RESOLVE) {
                notice.resolve(now);
                resolved = true;
            } else if (resolved) {
                Instant at = now;
                assertThatThrownBy(() -> notice.escalate(at)).isInstanceOf(IllegalStateException.class);
            } else {
                notice.escalate(now);
                expectedLevel++;
            }
            assertThat(notice.level).isEqualTo(expectedLevel);
            assertThat(notice.status)
                    .isEqualTo(resolved ? SupervisionNotice.Status.RESOLVED : SupervisionNotice.Status.OPEN);
            assertThat(notice.lastRaisedAt()).isBeforeOrEqualTo(now);
        }
    }
}
