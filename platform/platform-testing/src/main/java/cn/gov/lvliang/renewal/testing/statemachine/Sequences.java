package cn.gov.lvliang.renewal.testing.statemachine;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Every sequence of a state machine's commands up to a bounded length, for exhaustive state-machine
 * tests in plain JUnit (no property-testing library; see decision 0010).
 *
 * <p>{@link #check} replays each sequence from a fresh initial state and checks the last step's
 * transition: since every prefix of a sequence is itself one of the enumerated sequences, every
 * transition of every sequence is checked exactly once, and a failure names the whole sequence.
 *
 * <pre>{@code
 * long sequences = Sequences.check(7, List.of(Command.values()), Record::new,
 *         (record, command) -> command.applyTo(record),
 *         Snapshot::of,
 *         (before, command, after) -> { if (before.closed()) assertThat(after).isEqualTo(before); });
 * }</pre>
 */
public final class Sequences {

    private Sequences() {}

    /** A check of one transition, with the state observed before and after the command. */
    @FunctionalInterface
    public interface TransitionCheck<V, C> {
        void check(V before, C command, V after);
    }

    /** Number of sequences of length 1 to {@code maxLength} over {@code commands} commands. */
    public static long count(int commands, int maxLength) {
        long total = 0;
        long ofLength = 1;
        for (int length = 1; length <= maxLength; length++) {
            ofLength = Math.multiplyExact(ofLength, commands);
            total = Math.addExact(total, ofLength);
        }
        return total;
    }

    /**
     * Visits every sequence of length 1 to {@code maxLength} over {@code commands}, shorter ones
     * first, each length in lexicographic order of the commands' positions.
     *
     * @return the number of sequences visited: {@link #count}{@code (commands.size(), maxLength)}
     */
    public static <C> long forEach(List<C> commands, int maxLength, Consumer<List<C>> visitor) {
        if (commands.isEmpty() || maxLength < 1) {
            return 0;
        }
        long visited = 0;
        for (int length = 1; length <= maxLength; length++) {
            int[] digits = new int[length];
            while (true) {
                List<C> sequence = new ArrayList<>(length);
                for (int digit : digits) {
                    sequence.add(commands.get(digit));
                }
                visitor.accept(Collections.unmodifiableList(sequence));
                visited++;
                int position = length - 1;
                while (position >= 0 && ++digits[position] == commands.size()) {
                    digits[position] = 0;
                    position--;
                }
                if (position < 0) {
                    break;
                }
            }
        }
        return visited;
    }

    /**
     * Runs every sequence of length 1 to {@code maxLength} from {@code initial}, applying each
     * command with {@code step}, and checks the last transition of each with {@code check} on the
     * states as {@code observe} sees them (an immutable snapshot: a record of the fields that
     * matter). A failed check is rethrown as an {@link AssertionError} naming the sequence.
     *
     * @return the number of sequences run
     */
    public static <S, C, V> long check(
            int maxLength,
            List<C> commands,
            Supplier<S> initial,
            BiConsumer<S, C> step,
            Function<S, V> observe,
            TransitionCheck<V, C> check) {
        return forEach(commands, maxLength, sequence -> {
            S state = initial.get();
            int last = sequence.size() - 1;
            for (int i = 0; i < last; i++) {
                step.accept(state, sequence.get(i));
            }
            V before = observe.apply(state);
            C command = sequence.get(last);
            try {
                step.accept(state, command);
                check.check(before, command, observe.apply(state));
            } catch (AssertionError | RuntimeException e) {
                throw new AssertionError("after " + sequence + ": " + e.getMessage(), e);
            }
        });
    }
}
