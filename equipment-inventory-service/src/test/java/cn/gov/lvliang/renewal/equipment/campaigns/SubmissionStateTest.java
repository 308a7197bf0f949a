package cn.gov.lvliang.renewal.equipment.campaigns;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;

/**
 * A county's survey submission: no sequence of requested moves goes back to NOT_STARTED, reaches
 * ACCEPTED other than from SUBMITTED, or leaves ACCEPTED.
 */
class SubmissionStateTest {

    @Property
    void noSequenceOfMovesReachesAForbiddenState(@ForAll @Size(max = 30) List<SubmissionState> requested) {
        SubmissionState state = SubmissionState.NOT_STARTED;
        for (SubmissionState next : requested) {
            SubmissionState before = state;
            if (state.next().contains(next)) {
                state = next;
            }
            if (before != SubmissionState.NOT_STARTED) {
                assertThat(state).isNotEqualTo(SubmissionState.NOT_STARTED);
            }
            if (state == SubmissionState.ACCEPTED && before != SubmissionState.ACCEPTED) {
                assertThat(before).isEqualTo(SubmissionState.SUBMITTED);
            }
            if (before == SubmissionState.ACCEPTED) {
                assertThat(state).isEqualTo(SubmissionState.ACCEPTED);
            }
        }
    }

    @Property
    void nothingLeadsBackToNotStarted(@ForAll SubmissionState any) {
        assertThat(any.next()).doesNotContain(SubmissionState.NOT_STARTED);
    }
}
