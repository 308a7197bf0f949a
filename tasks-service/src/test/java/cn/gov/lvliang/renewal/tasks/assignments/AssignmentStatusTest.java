package cn.gov.lvliang.renewal.tasks.assignments;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.lvliang.renewal.tasks.assignments.AssignmentStatus.Action;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

/** The assignment state machine: no sequence of actions reaches a forbidden state. */
class AssignmentStatusTest {

    @Property
    void completionIsOnlyEverReachedByConfirmingARequestAndIsFinal(@ForAll @Size(max = 30) List<Action> actions) {
        AssignmentStatus state = AssignmentStatus.ASSIGNED;
        boolean completed = false;
        for (Action action : actions) {
            AssignmentStatus before = state;
            var after = state.after(action);
            if (completed) {
                assertThat(after).isEmpty();
                continue;
            }
            if (after.isEmpty()) {
                continue;
            }
            state = after.get();
            if (state == AssignmentStatus.COMPLETED) {
                assertThat(before).isEqualTo(AssignmentStatus.COMPLETION_REQUESTED);
                assertThat(action).isEqualTo(Action.CONFIRM);
                completed = true;
            }
            if (state == AssignmentStatus.RETURNED) {
                assertThat(before).isEqualTo(AssignmentStatus.COMPLETION_REQUESTED);
            }
            // reviewer moves only ever leave COMPLETION_REQUESTED
            if (action.byReviewer()) {
                assertThat(before).isEqualTo(AssignmentStatus.COMPLETION_REQUESTED);
            }
        }
    }

    @Property
    void everyStateButCompletedAndWithdrawnCanStillBeCompleted(@ForAll AssignmentStatus state) {
        if (!state.open()) {
            assertThat(List.of(Action.values()))
                    .allSatisfy(a -> assertThat(state.after(a)).isEmpty());
            return;
        }
        // a path to COMPLETED exists from every open state
        AssignmentStatus s = state;
        for (int i = 0; i < 10 && s != AssignmentStatus.COMPLETED; i++) {
            for (Action a : List.of(
                    Action.ACCEPT,
                    Action.START,
                    Action.UNBLOCK,
                    Action.RESUME,
                    Action.REQUEST_COMPLETION,
                    Action.CONFIRM)) {
                var next = s.after(a);
                if (next.isPresent()) {
                    s = next.get();
                    break;
                }
            }
        }
        assertThat(s).isEqualTo(AssignmentStatus.COMPLETED);
    }

    @Test
    void withdrawnIsReachedByNoActionAndIsFinal() {
        for (AssignmentStatus state : AssignmentStatus.values()) {
            for (Action action : Action.values()) {
                assertThat(state.after(action)).isNotEqualTo(java.util.Optional.of(AssignmentStatus.WITHDRAWN));
            }
        }
        assertThat(AssignmentStatus.WITHDRAWN.open()).isFalse();
        assertThat(AssignmentStatus.closed()).containsExactly(AssignmentStatus.COMPLETED, AssignmentStatus.WITHDRAWN);
    }

    @Test
    void theHappyPathAndTheReturnedAndBlockedPaths() {
        assertThat(AssignmentStatus.ASSIGNED.after(Action.ACCEPT)).contains(AssignmentStatus.ACCEPTED);
        assertThat(AssignmentStatus.ASSIGNED.after(Action.START)).isEmpty();
        assertThat(AssignmentStatus.IN_PROGRESS.after(Action.BLOCK)).contains(AssignmentStatus.BLOCKED);
        assertThat(AssignmentStatus.BLOCKED.after(Action.UNBLOCK)).contains(AssignmentStatus.IN_PROGRESS);
        assertThat(AssignmentStatus.COMPLETION_REQUESTED.after(Action.RETURN)).contains(AssignmentStatus.RETURNED);
        assertThat(AssignmentStatus.RETURNED.after(Action.RESUME)).contains(AssignmentStatus.IN_PROGRESS);
        assertThat(AssignmentStatus.IN_PROGRESS.after(Action.CONFIRM)).isEmpty();
    }
}
