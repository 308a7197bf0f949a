package cn.gov.lvliang.renewal.equipment.imports;

import cn.gov.lvliang.renewal.equipment.lists.TabularWriter;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.jboss.logging.Logger;

/** An import's outcome read back: its summary with the first row errors, and the full XLSX report. */
@ApplicationScoped
public class ImportReports {

    private static final Logger LOG = Logger.getLogger(ImportReports.class);

    private final AgroalDataSource dataSource;
    private final ImportConfig config;

    public ImportReports(AgroalDataSource dataSource, ImportConfig config) {
        this.dataSource = dataSource;
        this.config = config;
    }

    /** The batch's summary, if it exists and the caller created it or may see all imports. */
    public Optional<ImportReport> find(UUID id, String actor, boolean cityWide, Locale locale) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("select list_kind, format, mode, status, total_rows, accepted,"
                        + " rejected, created_at, finished_at, created_by from import_batch where id = ?")) {
            s.setObject(1, id);
            try (ResultSet rs = s.executeQuery()) {
                if (!rs.next() || !(cityWide || rs.getString(10).equals(actor))) {
                    return Optional.empty();
                }
                List<ImportReport.RowError> errors = new ArrayList<>();
                int count;
                try (PreparedStatement e = c.prepareStatement("select row_number, column_name, value, message from"
                        + " import_error where batch_id = ? order by row_number limit ?")) {
                    e.setObject(1, id);
                    e.setInt(2, config.maxErrorsInResponse());
                    try (ResultSet ers = e.executeQuery()) {
                        while (ers.next()) {
                            errors.add(new ImportReport.RowError(
                                    ers.getInt(1), ers.getString(2), ers.getString(3), ers.getString(4)));
                        }
                    }
                }
                try (PreparedStatement n = c.prepareStatement("select count(*) from import_error where batch_id = ?")) {
                    n.setObject(1, id);
                    try (ResultSet nrs = n.executeQuery()) {
                        nrs.next();
                        count = nrs.getInt(1);
                    }
                }
                Timestamp finished = rs.getTimestamp(9);
                return Optional.of(new ImportReport(
                        id,
                        rs.getString(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getInt(5),
                        rs.getInt(6),
                        rs.getInt(7),
                        count,
                        errors,
                        count > errors.size(),
                        "/api/equipment/imports/" + id + "/report",
                        rs.getTimestamp(8).toInstant(),
                        finished == null ? null : finished.toInstant()));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("import lookup failed", e);
        }
    }

    /** Streams the batch's row errors as XLSX: 行号, 列, 值, 错误说明. */
    public void writeReport(UUID id, OutputStream out) {
        try (Connection c = dataSource.getConnection();
                TabularWriter writer = TabularWriter.open(TabularWriter.Format.XLSX, out)) {
            c.setAutoCommit(false);
            // One snapshot for the count and the rows, so that the sheet's declared size is exact.
            c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            long errors;
            try (PreparedStatement n = c.prepareStatement("select count(*) from import_error where batch_id = ?")) {
                n.setObject(1, id);
                try (ResultSet rs = n.executeQuery()) {
                    rs.next();
                    errors = rs.getLong(1);
                }
            }
            writer.sheet("校验报告", 1 + errors, 4);
            writer.row(List.of("行号", "列", "值", "错误说明"));
            try (PreparedStatement s = c.prepareStatement("select row_number, column_name, value, message from"
                    + " import_error where batch_id = ? order by row_number")) {
                s.setFetchSize(1000);
                s.setObject(1, id);
                try (ResultSet rs = s.executeQuery()) {
                    List<Object> row = new ArrayList<>(4);
                    while (rs.next()) {
                        row.clear();
                        row.add(rs.getInt(1));
                        row.add(rs.getString(2));
                        row.add(rs.getString(3));
                        row.add(rs.getString(4));
                        writer.row(row);
                    }
                }
            }
            c.commit();
        } catch (SQLException e) {
            LOG.errorf("report %s failed: %s", id, e.getMessage());
            throw new IllegalStateException("report failed", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
