package cn.gov.lvliang.renewal.testing.statemachine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SequencesTest {

    @Test
    void visitsEverySequenceUpToTheLengthOnceShorterFirst() {
        List<List<String>> seen = new ArrayList<>();
        long visited = Sequences.forEach(List.of("a", "b", "c"), 3, seen::add);

        assertThat(visited).isEqualTo(3 + 9 + 27).isEqualTo(Sequences.count(3, 3));
        assertThat(seen).hasSize(39);
        assertThat(new HashSet<>(seen)).hasSize(39);
        assertThat(seen.subList(0, 5))
                .containsExactly(List.of("a"), List.of("b"), List.of("c"), List.of("a", "a"), List.of("a", "b"));
        assertThat(seen.get(38)).containsExactly("c", "c", "c");
    }

    @Test
    void checksTheLastTransitionOfEverySequenceAndNamesTheOneThatFails() {
        Set<String> transitions = new HashSet<>();
        long runs = Sequences.check(
                4,
                List.of(1, 2),
                () -> new int[1],
                (sum, n) -> sum[0] += n,
                sum -> sum[0],
                (before, n, after) -> transitions.add(before + "+" + n + "=" + after));
        assertThat(runs).isEqualTo(2 + 4 + 8 + 16);
        // before the last of at most 4 steps the sum is 0 to 6; every step from each is seen
        assertThat(transitions).hasSize(14).contains("0+1=1", "6+2=8", "3+1=4");

        assertThatThrownBy(() -> Sequences.check(
                        4,
                        List.of(1, 2),
                        () -> new int[1],
                        (sum, n) -> sum[0] += n,
                        sum -> sum[0],
                        (before, n, after) -> assertThat(after).isLessThan(7)))
                .isInstanceOf(AssertionError.class)
                .hasMessageStartingWith("after [1, 2, 2, 2]:");
    }

    @Test
    void nothingToEnumerateIsNoSequence() {
        assertThat(Sequences.forEach(List.of(), 5, s -> {})).isZero();
        assertThat(Sequences.forEach(List.of("a"), 0, s -> {})).isZero();
        assertThat(Sequences.count(5, 0)).isZero();
    }
}
