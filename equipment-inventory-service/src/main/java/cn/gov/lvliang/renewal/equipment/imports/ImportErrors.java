package cn.gov.lvliang.renewal.equipment.imports;

import cn.gov.lvliang.renewal.platform.problem.ProblemMessages;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * The row errors of one import: counted, the first ones kept for the JSON answer, all of them
 * written in batches to {@code import_error} on the bookkeeping connection (auto-committed, so
 * that they survive a rejected file).
 */
final class ImportErrors implements AutoCloseable {

    private static final int FLUSH_EVERY = 500;

    private final UUID batchId;
    private final Locale locale;
    private final int keepFirst;
    private final PreparedStatement insert;
    private final List<ImportReport.RowError> first = new ArrayList<>();
    private int rejectedRows;
    private int count;
    private int unsent;

    ImportErrors(Connection book, UUID batchId, Locale locale, int keepFirst) throws SQLException {
        this.batchId = batchId;
        this.locale = locale;
        this.keepFirst = keepFirst;
        this.insert = book.prepareStatement(
                "insert into import_error (batch_id, row_number, column_name, value, message) values (?, ?, ?, ?, ?)");
    }

    /** Refuses a row for these errors. */
    void reject(int row, List<RowParser.CellError> errors) throws SQLException {
        rejectedRows++;
        for (RowParser.CellError e : errors) {
            error(row, e.column(), e.value(), e.messageKey(), e.args());
        }
    }

    private void error(int row, String column, String value, String key, Object... args) throws SQLException {
        count++;
        String message = ProblemMessages.message(locale, key, args);
        String shown = value == null ? null : value.length() > 100 ? value.substring(0, 100) + "…" : value;
        if (first.size() < keepFirst) {
            first.add(new ImportReport.RowError(row, column, shown, message));
        }
        insert.setObject(1, batchId);
        insert.setInt(2, row);
        insert.setString(3, column);
        insert.setString(4, shown);
        insert.setString(5, message);
        insert.addBatch();
        if (++unsent >= FLUSH_EVERY) {
            flush();
        }
    }

    /** Writes the errors not written yet. */
    void flush() throws SQLException {
        if (unsent > 0) {
            insert.executeBatch();
            unsent = 0;
        }
    }

    int rejectedRows() {
        return rejectedRows;
    }

    int count() {
        return count;
    }

    List<ImportReport.RowError> first() {
        return first;
    }

    @Override
    public void close() throws SQLException {
        insert.close();
    }
}
