package cn.gov.lvliang.renewal.tasks.supervision;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.OptionalInt;

/**
 * 到期提醒: which reminder a due date calls for today (pure rule, unit-tested). Reminders go out 7
 * days and 1 day before the due date; the nearest threshold that the days left have reached is the
 * one that applies, so an assignment whose due date is set 3 days ahead gets the 7-day reminder
 * once, and the 1-day one later, never the 7-day one after the 1-day one.
 */
public final class DueDateReminders {

    /** The thresholds, in days before the due date, farthest first. */
    public static final List<Integer> THRESHOLDS = List.of(7, 1);

    private DueDateReminders() {}

    /** The threshold that applies on {@code today} to a due date, or empty (none, or already past). */
    public static OptionalInt thresholdFor(LocalDate dueDate, LocalDate today) {
        if (dueDate == null) {
            return OptionalInt.empty();
        }
        long left = ChronoUnit.DAYS.between(today, dueDate);
        if (left < 0) {
            return OptionalInt.empty();
        }
        OptionalInt applies = OptionalInt.empty();
        for (int threshold : THRESHOLDS) {
            if (left <= threshold) {
                applies = OptionalInt.of(threshold);
            }
        }
        return applies;
    }
}
