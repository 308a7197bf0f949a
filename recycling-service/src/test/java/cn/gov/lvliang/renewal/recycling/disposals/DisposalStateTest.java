package cn.gov.lvliang.renewal.recycling.disposals;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.lvliang.renewal.platform.problem.ProblemException;
import cn.gov.lvliang.renewal.testing.statemachine.Sequences;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every sequence of up to 8 closing attempts on a disposal record (4^1 + … + 4^8 = 87,380
 * sequences): a record is closed at most once, by the first valid closing; a closed record never
 * changes again; a closing dated before the retirement or in the future is refused and changes
 * nothing; outcome, date, time and author are set exactly when the record is closed.
 */
class DisposalStateTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2025-06-01T00:00:00Z"), ZoneOffset.UTC);
    private static final LocalDate RETIRED_ON = LocalDate.of(2025, 3, 1);

    enum Command {
        CLOSE_SCRAPPED(DisposalOutcome.SCRAPPED, LocalDate.of(2025, 4, 1), true),
        CLOSE_REMANUFACTURED(DisposalOutcome.REMANUFACTURED, LocalDate.of(2025, 6, 1), true),
        CLOSE_BEFORE_RETIREMENT(DisposalOutcome.SOLD_SECOND_HAND, LocalDate.of(2025, 2, 28), false),
        CLOSE_IN_THE_FUTURE(DisposalOutcome.SCRAPPED, LocalDate.of(2025, 6, 2), false);

        final DisposalOutcome outcome;
        final LocalDate on;
        final boolean valid;

        Command(DisposalOutcome outcome, LocalDate on, boolean valid) {
            this.outcome = outcome;
            this.on = on;
            this.valid = valid;
        }
    }

    record Fields(
            DisposalRecord.Status status,
            DisposalOutcome outcome,
            LocalDate closedOn,
            Instant closedAt,
            String closedBy) {}

    record Observed(Fields fields, boolean refused) {}

    static final class Run {
        final DisposalRecord record = new DisposalRecord();
        boolean refused;

        Run() {
            record.id = 1L;
            record.equipmentId = "EQ-1";
            record.retiredOn = RETIRED_ON;
            record.status = DisposalRecord.Status.OPEN;
        }

        void apply(Command command) {
            refused = false;
            try {
                record.close(command.outcome, "91141100MA0K0000XA", command.on, null, "officer-" + command, CLOCK);
            } catch (ProblemException e) {
                refused = true;
            }
        }

        Observed observe() {
            return new Observed(
                    new Fields(record.status, record.outcome, record.closedOn, record.closedAt, record.closedBy),
                    refused);
        }
    }

    @Test
    void aDisposalIsClosedOnceByTheFirstValidClosingAndNeverChangesAfterwards() {
        long sequences = Sequences.check(
                8, List.of(Command.values()), Run::new, Run::apply, Run::observe, (before, command, after) -> {
                    Fields was = before.fields();
                    Fields now = after.fields();
                    if (was.status() == DisposalRecord.Status.CLOSED || !command.valid) {
                        assertThat(after.refused()).as("refused").isTrue();
                        assertThat(now).as("unchanged").isEqualTo(was);
                    } else {
                        assertThat(after.refused()).as("refused").isFalse();
                        assertThat(now)
                                .isEqualTo(new Fields(
                                        DisposalRecord.Status.CLOSED,
                                        command.outcome,
                                        command.on,
                                        CLOCK.instant(),
                                        "officer-" + command));
                    }
                    boolean closed = now.status() == DisposalRecord.Status.CLOSED;
                    assertThat(now.outcome() != null).isEqualTo(closed);
                    assertThat(now.closedOn() != null).isEqualTo(closed);
                    assertThat(now.closedAt() != null).isEqualTo(closed);
                    if (closed) {
                        assertThat(now.closedOn()).isAfterOrEqualTo(RETIRED_ON).isBeforeOrEqualTo(LocalDate.now(CLOCK));
                    }
                });
        assertThat(sequences).isEqualTo(Sequences.count(4, 8)).isEqualTo(87_380);
    }
}
