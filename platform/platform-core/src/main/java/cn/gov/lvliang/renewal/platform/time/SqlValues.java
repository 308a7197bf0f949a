package cn.gov.lvliang.renewal.platform.time;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * Reads the date and time values of a native query's row, whichever Java type the driver and
 * Hibernate chose for them ({@code timestamptz} arrives as {@link Instant}, {@link OffsetDateTime}
 * or {@link Timestamp}, {@code date} as {@link LocalDate} or {@link Date}).
 */
public final class SqlValues {

    private SqlValues() {}

    /** A {@code timestamptz} column's value; null stays null. */
    public static Instant instant(Object value) {
        if (value == null || value instanceof Instant) {
            return (Instant) value;
        }
        if (value instanceof OffsetDateTime offset) {
            return offset.toInstant();
        }
        if (value instanceof Timestamp timestamp) {
            return timestamp.toInstant();
        }
        throw new IllegalArgumentException(
                "not a timestamp: " + value.getClass().getName());
    }

    /** A {@code date} column's value; null stays null. */
    public static LocalDate localDate(Object value) {
        if (value == null || value instanceof LocalDate) {
            return (LocalDate) value;
        }
        if (value instanceof Date date) {
            return date.toLocalDate();
        }
        throw new IllegalArgumentException("not a date: " + value.getClass().getName());
    }
}
