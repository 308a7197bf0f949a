package cn.gov.lvliang.renewal.platform.jdbc;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import org.postgresql.PGConnection;

/**
 * Rows for PostgreSQL's {@code COPY … FROM STDIN} in its text format, collected in memory and sent
 * in one round trip: how bulk operations write many rows without one statement per row. Values
 * are written as PostgreSQL reads them back as the column's type: {@code null} as NULL, dates like
 * the JDBC driver sends them (BC years, no sign), numbers in plain notation, anything else by its
 * {@code toString()}.
 */
public final class CopyRows {

    private final StringBuilder text = new StringBuilder(16 * 1024);
    private boolean firstField = true;
    private int rows;

    /** Adds one field to the current row. */
    public CopyRows add(Object value) {
        if (!firstField) {
            text.append('\t');
        }
        firstField = false;
        if (value == null) {
            text.append("\\N");
        } else if (value instanceof LocalDate date) {
            date(date);
        } else if (value instanceof BigDecimal number) {
            text.append(number.toPlainString());
        } else if (value instanceof Enum<?> e) {
            escape(e.name());
        } else if (value instanceof Instant || value instanceof Number || value instanceof Boolean) {
            text.append(value);
        } else {
            escape(value.toString());
        }
        return this;
    }

    /** Ends the current row. */
    public CopyRows endRow() {
        text.append('\n');
        firstField = true;
        rows++;
        return this;
    }

    /** Rows collected and not sent yet. */
    public int size() {
        return rows;
    }

    /** The rows as COPY will read them. */
    String text() {
        return text.toString();
    }

    /**
     * Sends the collected rows with {@code copy <target> from stdin} and forgets them.
     *
     * @param target the table and its columns, e.g. {@code "outbox_event (event_id, topic)"}
     * @return rows copied
     */
    public long copyInto(Connection c, String target) throws SQLException {
        if (rows == 0) {
            return 0;
        }
        byte[] bytes = text.toString().getBytes(StandardCharsets.UTF_8);
        text.setLength(0);
        rows = 0;
        try {
            return c.unwrap(PGConnection.class)
                    .getCopyAPI()
                    .copyIn("copy " + target + " from stdin", new ByteArrayInputStream(bytes));
        } catch (IOException e) {
            throw new SQLException("COPY into " + target + " failed", e);
        }
    }

    private void escape(String s) {
        int length = s.length();
        int i = 0;
        while (i < length && !special(s.charAt(i))) {
            i++;
        }
        if (i == length) { // the usual case: appended in one copy
            text.append(s);
            return;
        }
        text.append(s, 0, i);
        for (; i < length; i++) {
            char ch = s.charAt(i);
            switch (ch) {
                case '\\' -> text.append("\\\\");
                case '\n' -> text.append("\\n");
                case '\r' -> text.append("\\r");
                case '\t' -> text.append("\\t");
                default -> text.append(ch);
            }
        }
    }

    private static boolean special(char ch) {
        return ch == '\\' || ch == '\n' || ch == '\r' || ch == '\t';
    }

    /** As pgjdbc writes a LocalDate: at least four year digits, no sign, "BC" for years before 1. */
    private void date(LocalDate date) {
        int year = date.getYear();
        boolean bc = year <= 0;
        pad(bc ? 1 - year : year, 4);
        text.append('-');
        pad(date.getMonthValue(), 2);
        text.append('-');
        pad(date.getDayOfMonth(), 2);
        if (bc) {
            text.append(" BC");
        }
    }

    private void pad(int value, int digits) {
        String s = Integer.toString(value);
        for (int i = s.length(); i < digits; i++) {
            text.append('0');
        }
        text.append(s);
    }
}
