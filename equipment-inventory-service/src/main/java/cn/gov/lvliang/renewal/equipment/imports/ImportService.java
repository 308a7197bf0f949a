package cn.gov.lvliang.renewal.equipment.imports;

import cn.gov.lvliang.renewal.equipment.flags.FlagService;
import cn.gov.lvliang.renewal.equipment.lists.ListKind;
import cn.gov.lvliang.renewal.equipment.lists.TabularWriter;
import cn.gov.lvliang.renewal.equipment.scope.Scope;
import cn.gov.lvliang.renewal.platform.events.OutboxBatch;
import cn.gov.lvliang.renewal.platform.problem.ProblemException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * Bulk import of a list, streamed: rows are read and parsed one by one (in a second thread, a
 * batch ahead: {@link ReadAhead}, parsing by {@link RowParser}), admitted ({@link RowAdmission}),
 * and written per batch with a few statements ({@link BatchWriter}: units and equipment upserted by
 * natural key, the equipment through COPY into a staging table shaped by {@link EquipmentStaging};
 * history, flags and outbox events ({@link ImportAnnouncements}) through COPY) in one database
 * transaction. REJECT_FILE rolls it back when any row failed; ACCEPT_VALID commits the valid rows.
 * This class keeps the import's bookkeeping ({@code import_batch}); row errors are stored apart by
 * {@link ImportErrors} (committed either way) for the downloadable report ({@link ImportReports}).
 */
@ApplicationScoped
public class ImportService {

    /** How a file with errors is treated. */
    public enum Mode {
        /** 整体拒绝: any error rejects the whole file, nothing is saved. */
        REJECT_FILE,
        /** 接受有效行: valid rows are saved, invalid ones reported. */
        ACCEPT_VALID
    }

    private final AgroalDataSource dataSource;
    private final ImportConfig config;
    private final FlagService flags;
    private final OutboxBatch outbox;
    private final Clock clock;
    private final ObjectMapper json;

    public ImportService(
            AgroalDataSource dataSource,
            ImportConfig config,
            FlagService flags,
            OutboxBatch outbox,
            Clock clock,
            ObjectMapper json) {
        this.dataSource = dataSource;
        this.config = config;
        this.flags = flags;
        this.outbox = outbox;
        this.clock = clock;
        this.json = json;
    }

    /** What one import has counted so far. */
    private static final class Tally {
        int total;
        int accepted;
    }

    public ImportReport run(
            ListKind kind,
            Path file,
            TabularWriter.Format format,
            Mode mode,
            String fileName,
            Scope scope,
            String actor,
            Locale locale) {
        UUID id = UUID.randomUUID();
        Instant started = Instant.now(clock);
        try (Connection book = dataSource.getConnection()) {
            book.setAutoCommit(true);
            try (PreparedStatement s = book.prepareStatement("insert into import_batch (id, list_kind, format, mode,"
                    + " file_name, status, created_by, created_at) values (?, ?, ?, ?, ?, 'RUNNING', ?, ?)")) {
                s.setObject(1, id);
                s.setString(2, kind.slug());
                s.setString(3, format.name());
                s.setString(4, mode.name());
                s.setString(5, fileName == null ? null : fileName.substring(0, Math.min(200, fileName.length())));
                s.setString(6, actor);
                s.setTimestamp(7, Timestamp.from(started));
                s.executeUpdate();
            }
            Tally tally = new Tally();
            try (ImportErrors errors = new ImportErrors(book, id, locale, config.maxErrorsInResponse())) {
                try (TabularReader reader = format == TabularWriter.Format.XLSX
                        ? TabularReader.xlsx(file, config)
                        : TabularReader.csv(file, config.maxColumns())) {
                    execute(id, kind, mode, scope, actor, reader, errors, tally);
                } catch (IOException e) {
                    finish(book, id, "FAILED", tally, errors);
                    throw new ProblemException(400, "import-file", "detail.import-file", List.of(), e.getMessage());
                } catch (RuntimeException e) {
                    finish(book, id, "FAILED", tally, errors);
                    throw e;
                }
                String status = mode == Mode.REJECT_FILE && errors.rejectedRows() > 0 ? "REJECTED" : "COMPLETED";
                Instant finished = finish(book, id, status, tally, errors);
                return new ImportReport(
                        id,
                        kind.slug(),
                        format.name(),
                        mode.name(),
                        status,
                        tally.total,
                        status.equals("REJECTED") ? 0 : tally.accepted,
                        errors.rejectedRows(),
                        errors.count(),
                        errors.first(),
                        errors.count() > errors.first().size(),
                        "/api/equipment/imports/" + id + "/report",
                        started,
                        finished);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("import bookkeeping failed", e);
        }
    }

    /** Reads the header, then every data row, and writes the valid ones in batches in one transaction. */
    private void execute(
            UUID id,
            ListKind kind,
            Mode mode,
            Scope scope,
            String actor,
            TabularReader reader,
            ImportErrors errors,
            Tally tally)
            throws IOException, SQLException {
        LocalDate today = LocalDate.now(clock);
        RowParser parser = parser(kind, reader);
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            oneAtATime(c);
            try (OutboxBatch.Writer events = outbox.on(c);
                    BatchWriter batches = new BatchWriter(
                            id,
                            actor,
                            clock,
                            c,
                            new EquipmentStaging(kind, parser.columns()),
                            new RowAdmission(kind, scope),
                            new ImportAnnouncements(id, json),
                            errors,
                            flags,
                            events);
                    ReadAhead rows = new ReadAhead(reader, parser, today, config.batchSize(), "import-" + id)) {
                ReadAhead.Row row;
                while ((row = rows.next()) != null) {
                    if (++tally.total > config.maxRows()) {
                        c.rollback();
                        throw new ProblemException(
                                400, "import-file", "detail.import-too-many-rows", List.of(), config.maxRows());
                    }
                    if (!row.parsed().valid()) {
                        errors.reject(row.number(), row.parsed().errors());
                        continue;
                    }
                    batches.add(new BatchWriter.Pending(row.number(), row.parsed()), config.batchSize());
                    tally.accepted = batches.accepted();
                }
                batches.flush();
                tally.accepted = batches.accepted();
                events.flush();
                if (mode == Mode.REJECT_FILE && errors.rejectedRows() > 0) {
                    c.rollback();
                } else {
                    c.commit();
                    outbox.wakeRelay();
                }
            } catch (SQLException | IOException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        }
    }

    /**
     * Waits until no other import (of any instance) is writing, before this one takes any lock. An
     * import holds every record it writes until it commits and writes them in file order, so two
     * imports of overlapping records in different orders would deadlock (decision 0054).
     */
    private static void oneAtATime(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("select pg_advisory_xact_lock(hashtext('equipment-import'))");
        }
    }

    /** The parser for the file's header row (the first non-blank row). */
    private RowParser parser(ListKind kind, TabularReader reader) throws IOException, SQLException {
        TabularReader.SourceRow headerRow = reader.next();
        while (headerRow != null && headerRow.blank()) {
            headerRow = reader.next();
        }
        if (headerRow == null) {
            throw new ProblemException(400, "import-file", "detail.import-empty", List.of());
        }
        List<String> header =
                headerRow.cells().stream().map(TabularReader.SourceCell::text).toList();
        try (Connection c = dataSource.getConnection()) {
            return new RowParser(kind, header, sectors(c));
        } catch (IllegalArgumentException missing) {
            throw new ProblemException(400, "import-file", "detail.import-headers", List.of(), missing.getMessage());
        }
    }

    private Instant finish(Connection book, UUID id, String status, Tally tally, ImportErrors errors)
            throws SQLException {
        errors.flush();
        Instant now = Instant.now(clock);
        try (PreparedStatement s = book.prepareStatement("update import_batch set status = ?, total_rows = ?,"
                + " accepted = ?, rejected = ?, finished_at = ? where id = ?")) {
            s.setString(1, status);
            s.setInt(2, tally.total);
            s.setInt(3, status.equals("COMPLETED") ? tally.accepted : 0);
            s.setInt(4, errors.rejectedRows());
            s.setTimestamp(5, Timestamp.from(now));
            s.setObject(6, id);
            s.executeUpdate();
        }
        return now;
    }

    /** Known sectors: name or code → code. */
    private static Map<String, String> sectors(Connection c) throws SQLException {
        Map<String, String> sectors = new HashMap<>();
        try (PreparedStatement s = c.prepareStatement("select code, name from sector");
                ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                sectors.put(rs.getString(1), rs.getString(1));
                sectors.put(rs.getString(2), rs.getString(1));
            }
        }
        return sectors;
    }
}
