package cn.gov.lvliang.renewal.bench.scale;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * Rows written to one table with PostgreSQL {@code COPY … FROM STDIN} (pgjdbc's CopyManager), in
 * text format, sent in chunks of about 4 MiB. One sink per connection at a time.
 */
final class CopySink implements AutoCloseable {

    private static final int CHUNK = 4 << 20;

    private final CopyIn copy;
    private final StringBuilder buffer = new StringBuilder(CHUNK + 4096);
    private long rows;

    CopySink(Connection connection, String table, String columns) throws SQLException {
        this.copy = connection
                .unwrap(PGConnection.class)
                .getCopyAPI()
                .copyIn("copy " + table + " (" + columns + ") from stdin");
    }

    /** One row; values are formatted by {@link #field}. */
    CopySink row(Object... values) throws SQLException {
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                buffer.append('\t');
            }
            field(buffer, values[i]);
        }
        buffer.append('\n');
        rows++;
        if (buffer.length() >= CHUNK) {
            flush();
        }
        return this;
    }

    long rows() {
        return rows;
    }

    private void flush() throws SQLException {
        byte[] bytes = buffer.toString().getBytes(StandardCharsets.UTF_8);
        copy.writeToCopy(bytes, 0, bytes.length);
        buffer.setLength(0);
    }

    @Override
    public void close() throws SQLException {
        flush();
        copy.endCopy();
    }

    /** COPY text format: {@code \N} for null, backslash escapes, arrays as {@code {"a","b"}}. */
    static void field(StringBuilder out, Object value) {
        if (value == null) {
            out.append("\\N");
        } else if (value instanceof Boolean b) {
            out.append(b ? 't' : 'f');
        } else if (value instanceof Number || value instanceof UUID || value instanceof LocalDate) {
            out.append(value);
        } else if (value instanceof Instant instant) {
            out.append(instant);
        } else if (value instanceof String[] array) {
            StringBuilder literal = new StringBuilder("{");
            for (int i = 0; i < array.length; i++) {
                literal.append(i == 0 ? "" : ",")
                        .append('"')
                        .append(array[i].replace("\\", "\\\\").replace("\"", "\\\""))
                        .append('"');
            }
            escape(out, literal.append('}').toString());
        } else {
            escape(out, value.toString());
        }
    }

    private static void escape(StringBuilder out, String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '\t' -> out.append("\\t");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                default -> out.append(c);
            }
        }
    }
}
