package cn.gov.lvliang.renewal.tasks.supervision;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class DueDateRemindersTest {

    static final LocalDate DUE = LocalDate.of(2031, 3, 10);

    static OptionalInt on(int daysBefore) {
        return DueDateReminders.thresholdFor(DUE, DUE.minusDays(daysBefore));
    }

    @Test
    void sevenDaysUpToTwoDaysBeforeIsTheSevenDayReminderOneAndZeroTheOneDayReminder() {
        assertThat(on(8)).isEmpty();
        for (int d = 7; d >= 2; d--) {
            assertThat(on(d)).as("%d days before", d).hasValue(7);
        }
        assertThat(on(1)).hasValue(1);
        assertThat(on(0)).hasValue(1);
        assertThat(on(-1)).as("past due: overdue, not a reminder").isEmpty();
        assertThat(DueDateReminders.thresholdFor(null, DUE)).isEmpty();
    }
}
