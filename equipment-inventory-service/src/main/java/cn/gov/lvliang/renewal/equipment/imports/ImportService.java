package cn.gov.lvliang.renewal.equipment.imports;

import cn.gov.lvliang.renewal.equipment.flags.FlagService;
import cn.gov.lvliang.renewal.equipment.flags.RuleDefinition;
import cn.gov.lvliang.renewal.equipment.lists.Column;
import cn.gov.lvliang.renewal.equipment.lists.ListKind;
import cn.gov.lvliang.renewal.equipment.lists.TabularWriter;
import cn.gov.lvliang.renewal.equipment.messaging.EquipmentEvents;
import cn.gov.lvliang.renewal.equipment.register.Category;
import cn.gov.lvliang.renewal.equipment.register.EfficiencyTier;
import cn.gov.lvliang.renewal.equipment.register.EmissionGrade;
import cn.gov.lvliang.renewal.equipment.register.EquipmentEventData;
import cn.gov.lvliang.renewal.equipment.register.LifecycleStatus;
import cn.gov.lvliang.renewal.equipment.scope.Scope;
import cn.gov.lvliang.renewal.equipment.units.UnitType;
import cn.gov.lvliang.renewal.platform.events.OutboxBatch;
import cn.gov.lvliang.renewal.platform.jdbc.CopyRows;
import cn.gov.lvliang.renewal.platform.problem.ProblemException;
import cn.gov.lvliang.renewal.platform.problem.ProblemMessages;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
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
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Bulk import of a list, streamed: rows are read and parsed one by one (in a second thread, a
 * batch ahead: {@link ReadAhead}), validated, and written per batch with a few statements (units
 * and equipment upserted by natural key, the equipment through COPY into a staging table; history,
 * flags and outbox events through COPY) in one database transaction. REJECT_FILE rolls it back when any row
 * failed; ACCEPT_VALID commits the valid rows. Row errors are stored apart (committed either way)
 * for the downloadable report.
 */
@ApplicationScoped
public class ImportService {

    private static final Logger LOG = Logger.getLogger(ImportService.class);
    private static final Set<String> UNIT_KEYS = Set.of("unitCreditCode", "unitName", "county", "sector", "unitType");

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
            Run run = new Run(id, kind, mode, scope, locale, book, actor);
            try (TabularReader reader = format == TabularWriter.Format.XLSX
                    ? TabularReader.xlsx(file, config)
                    : TabularReader.csv(file, config.maxColumns())) {
                run.execute(reader);
            } catch (IOException e) {
                finish(book, id, "FAILED", run);
                throw new ProblemException(400, "import-file", "detail.import-file", List.of(), e.getMessage());
            } catch (RuntimeException e) {
                finish(book, id, "FAILED", run);
                throw e;
            }
            String status = mode == Mode.REJECT_FILE && run.rejected > 0 ? "REJECTED" : "COMPLETED";
            Instant finished = finish(book, id, status, run);
            return new ImportReport(
                    id,
                    kind.slug(),
                    format.name(),
                    mode.name(),
                    status,
                    run.total,
                    status.equals("REJECTED") ? 0 : run.accepted,
                    run.rejected,
                    run.errorCount,
                    run.firstErrors,
                    run.errorCount > run.firstErrors.size(),
                    "/api/equipment/imports/" + id + "/report",
                    started,
                    finished);
        } catch (SQLException e) {
            throw new IllegalStateException("import bookkeeping failed", e);
        }
    }

    private Instant finish(Connection book, UUID id, String status, Run run) throws SQLException {
        run.flushErrors();
        Instant now = Instant.now(clock);
        try (PreparedStatement s = book.prepareStatement("update import_batch set status = ?, total_rows = ?,"
                + " accepted = ?, rejected = ?, finished_at = ? where id = ?")) {
            s.setString(1, status);
            s.setInt(2, run.total);
            s.setInt(3, status.equals("COMPLETED") ? run.accepted : 0);
            s.setInt(4, run.rejected);
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

    /** A unit as the import knows it: its id, county and sector, or why its rows are refused. */
    private record UnitInfo(long id, String county, String sector, String errorKey) {}

    /** A valid row waiting for its batch. */
    private record Pending(int row, RowParser.Parsed parsed) {}

    /** One import's state. */
    private final class Run {
        final UUID id;
        final ListKind kind;
        final Mode mode;
        final Scope scope;
        final Locale locale;
        final Connection book;
        final String actor;
        final PreparedStatement errorInsert;
        final List<ImportReport.RowError> firstErrors = new ArrayList<>();
        final Map<String, UnitInfo> units = new HashMap<>();
        final Map<String, Integer> seenKeys = new HashMap<>();
        final List<Pending> pending = new ArrayList<>();
        int total;
        int accepted;
        int rejected;
        int errorCount;
        int pendingErrors;
        LocalDate today;
        Connection data;
        OutboxBatch.Writer events;
        List<RuleDefinition> rules;
        List<Column> equipmentColumns;
        List<String> insertColumns;
        PreparedStatement upsert;
        final CopyRows stage = new CopyRows();
        final CopyRows history = new CopyRows();

        Run(UUID id, ListKind kind, Mode mode, Scope scope, Locale locale, Connection book, String actor)
                throws SQLException {
            this.id = id;
            this.actor = actor;
            this.kind = kind;
            this.mode = mode;
            this.scope = scope;
            this.locale = locale;
            this.book = book;
            this.errorInsert = book.prepareStatement(
                    "insert into import_error (batch_id, row_number, column_name, value, message) values (?, ?, ?, ?, ?)");
        }

        void execute(TabularReader reader) throws IOException, SQLException {
            today = LocalDate.now(clock);
            TabularReader.SourceRow headerRow = reader.next();
            while (headerRow != null && headerRow.blank()) {
                headerRow = reader.next();
            }
            if (headerRow == null) {
                throw new ProblemException(400, "import-file", "detail.import-empty", List.of());
            }
            List<String> header = headerRow.cells().stream()
                    .map(TabularReader.SourceCell::text)
                    .toList();
            RowParser parser;
            try (Connection c = dataSource.getConnection()) {
                parser = new RowParser(kind, header, sectors(c));
            } catch (IllegalArgumentException missing) {
                throw new ProblemException(
                        400, "import-file", "detail.import-headers", List.of(), missing.getMessage());
            }
            equipmentColumns = parser.columns().stream()
                    .filter(c -> !UNIT_KEYS.contains(c.key()))
                    .toList();
            insertColumns = insertColumns();
            try (Connection c = dataSource.getConnection()) {
                data = c;
                c.setAutoCommit(false);
                try (OutboxBatch.Writer writer = outbox.on(c);
                        Statement ddl = c.createStatement();
                        PreparedStatement statement = c.prepareStatement(upsertSql());
                        ReadAhead rows = new ReadAhead(reader, parser, today, config.batchSize(), "import-" + id)) {
                    // the batches' staging table, this transaction's own: dropped at commit or rollback
                    ddl.execute("create temporary table import_stage on commit drop as select 0 as row_number, "
                            + String.join(", ", insertColumns) + " from equipment with no data");
                    events = writer;
                    upsert = statement;
                    rules = flags.rulesInForce(c);
                    ReadAhead.Row row;
                    while ((row = rows.next()) != null) {
                        if (++total > config.maxRows()) {
                            c.rollback();
                            throw new ProblemException(
                                    400, "import-file", "detail.import-too-many-rows", List.of(), config.maxRows());
                        }
                        if (!row.parsed().valid()) {
                            reject(row.number(), row.parsed().errors());
                            continue;
                        }
                        pending.add(new Pending(row.number(), row.parsed()));
                        if (pending.size() >= config.batchSize()) {
                            writeBatch();
                        }
                    }
                    writeBatch();
                    events.flush();
                    if (mode == Mode.REJECT_FILE && rejected > 0) {
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

        void reject(int row, List<RowParser.CellError> errors) throws SQLException {
            rejected++;
            for (RowParser.CellError e : errors) {
                error(row, e.column(), e.value(), e.messageKey(), e.args());
            }
        }

        void error(int row, String column, String value, String key, Object... args) throws SQLException {
            errorCount++;
            String message = ProblemMessages.message(locale, key, args);
            String shown = value == null ? null : value.length() > 100 ? value.substring(0, 100) + "…" : value;
            if (firstErrors.size() < config.maxErrorsInResponse()) {
                firstErrors.add(new ImportReport.RowError(row, column, shown, message));
            }
            errorInsert.setObject(1, id);
            errorInsert.setInt(2, row);
            errorInsert.setString(3, column);
            errorInsert.setString(4, shown);
            errorInsert.setString(5, message);
            errorInsert.addBatch();
            if (++pendingErrors >= 500) {
                flushErrors();
            }
        }

        void flushErrors() throws SQLException {
            if (pendingErrors > 0) {
                errorInsert.executeBatch();
                pendingErrors = 0;
            }
        }

        /**
         * Resolves units, checks scope, duplicates and lifecycle, then writes the batch with a few
         * statements whatever its size: COPY into the staging table and one upsert from there, COPY of
         * the history rows, the events and the flags.
         */
        void writeBatch() throws SQLException {
            if (pending.isEmpty()) {
                return;
            }
            Map<String, Object[]> existing = existing();
            Instant now = Instant.now(clock);
            resolveUnits(now);
            List<Pending> written = new ArrayList<>();
            List<LifecycleStatus[]> transitions = new ArrayList<>();
            List<UnitInfo> writtenUnits = new ArrayList<>();
            Map<String, Integer> positions = new HashMap<>();
            for (Pending p : pending) {
                RowParser.Parsed row = p.parsed();
                String credit = (String) row.get("unitCreditCode");
                String tag = (String) row.get("assetTag");
                String key = credit + "\u0000" + tag;
                Integer first = seenKeys.putIfAbsent(key, p.row());
                if (first != null) {
                    reject(p.row(), List.of(new RowParser.CellError("资产编号", tag, "import.duplicate-row", first)));
                    continue;
                }
                UnitInfo unit = units.get(credit);
                if (unit.errorKey() != null) {
                    reject(p.row(), List.of(new RowParser.CellError("统一社会信用代码", credit, unit.errorKey())));
                    continue;
                }
                Category category = (Category) row.get("category");
                if (!scope.covers(credit, unit.county(), unit.sector(), category == null ? null : category.name())) {
                    reject(p.row(), List.of(new RowParser.CellError("统一社会信用代码", credit, "import.out-of-scope")));
                    continue;
                }
                Object[] before = existing.get(key);
                LifecycleStatus from = before == null ? null : LifecycleStatus.valueOf((String) before[1]);
                LifecycleStatus to = from == null ? LifecycleStatus.IN_SERVICE : from;
                if (from == LifecycleStatus.RETIRED) {
                    reject(p.row(), List.of(new RowParser.CellError("资产编号", tag, "import.retired")));
                    continue;
                }
                if (kind.importStatus() != null && to != kind.importStatus()) {
                    if (!to.canMoveTo(kind.importStatus())) {
                        reject(p.row(), List.of(new RowParser.CellError("资产编号", tag, "import.transition", to.label())));
                        continue;
                    }
                    to = kind.importStatus();
                }
                stage(p.row(), row, unit, to, now);
                positions.put(key, written.size());
                written.add(p);
                transitions.add(new LifecycleStatus[] {from, to});
                writtenUnits.add(unit);
            }
            pending.clear();
            if (written.isEmpty()) {
                return;
            }
            stage.copyInto(data, "import_stage (row_number, " + String.join(", ", insertColumns) + ")");
            long[] ids = new long[written.size()];
            int[] versions = new int[written.size()];
            FlagService.Subject[] subjects = new FlagService.Subject[written.size()];
            int returned = 0;
            try (ResultSet rs = upsert.executeQuery()) {
                while (rs.next()) {
                    Integer i = positions.get(
                            rs.getString("unit_credit_code").strip() + "\u0000" + rs.getString("asset_tag"));
                    if (i == null || subjects[i] != null) {
                        throw new IllegalStateException("the upsert returned a row the batch did not stage");
                    }
                    ids[i] = rs.getLong("id");
                    versions[i] = rs.getInt("version");
                    subjects[i] = FlagService.Subject.of(rs);
                    returned++;
                }
            }
            if (returned != ids.length) {
                throw new IllegalStateException("expected " + ids.length + " keys, got " + returned);
            }
            try (Statement s = data.createStatement()) {
                s.execute("truncate import_stage");
            }
            for (int i = 0; i < written.size(); i++) {
                announce(ids[i], versions[i], written.get(i).parsed(), writtenUnits.get(i), transitions.get(i));
                record(ids[i], written.get(i), transitions.get(i), now);
            }
            history.copyInto(
                    data, "equipment_history (equipment_id, at, actor, action, from_status, to_status, after)");
            accepted += written.size();
            flags.reevaluate(data, Arrays.asList(subjects), rules, events);
        }

        /** The history entry of an imported row: the values the file set, and the lifecycle move. */
        void record(long equipmentId, Pending p, LifecycleStatus[] move, Instant now) throws SQLException {
            Map<String, Object> after = new java.util.TreeMap<>();
            p.parsed().values().forEach((k, v) -> after.put(k, v instanceof Enum<?> e ? e.name() : v.toString()));
            after.put("importId", id.toString());
            after.put("row", p.row());
            String text;
            try {
                text = json.writeValueAsString(after);
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
            history.add(equipmentId)
                    .add(now)
                    .add(actor)
                    .add(move[0] == null ? "imported-new" : "imported")
                    .add(move[0])
                    .add(move[1])
                    .add(text)
                    .endRow();
        }

        /** (credit code, asset tag) → {id, status} of the batch's records that exist. */
        Map<String, Object[]> existing() throws SQLException {
            String[] credits = new String[pending.size()];
            String[] tags = new String[pending.size()];
            for (int i = 0; i < pending.size(); i++) {
                credits[i] = (String) pending.get(i).parsed().get("unitCreditCode");
                tags[i] = (String) pending.get(i).parsed().get("assetTag");
            }
            Map<String, Object[]> found = new HashMap<>();
            try (PreparedStatement s = data.prepareStatement("select e.unit_credit_code, e.asset_tag, e.id, e.status"
                    + " from equipment e join unnest(?::bpchar[], ?::text[]) as k(credit, tag) on e.unit_credit_code ="
                    + " k.credit and e.asset_tag = k.tag")) {
                s.setArray(1, data.createArrayOf("text", credits));
                s.setArray(2, data.createArrayOf("text", tags));
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        found.put(
                                rs.getString(1).strip() + "\u0000" + rs.getString(2),
                                new Object[] {rs.getLong(3), rs.getString(4)});
                    }
                }
            }
            return found;
        }

        /**
         * Creates or updates the units that the batch names for the first time in this import (first
         * row wins) and checks the caller's scope on them: a few statements per batch, however many
         * units.
         */
        void resolveUnits(Instant now) throws SQLException {
            Map<String, RowParser.Parsed> firstRows = new LinkedHashMap<>();
            for (Pending p : pending) {
                String credit = (String) p.parsed().get("unitCreditCode");
                if (!units.containsKey(credit)) {
                    firstRows.putIfAbsent(credit, p.parsed());
                }
            }
            if (firstRows.isEmpty()) {
                return;
            }
            Map<String, String[]> stored = storedUnits(firstRows.keySet());
            List<RowParser.Parsed> accepted = new ArrayList<>();
            for (Map.Entry<String, RowParser.Parsed> e : firstRows.entrySet()) {
                String credit = e.getKey();
                RowParser.Parsed row = e.getValue();
                String county = (String) row.get("county");
                String sector = (String) row.get("sector");
                String[] before = stored.get(credit);
                if (before != null
                        && !scope.coversUnit(credit, before[0], before[1])
                        && !scope.covers(credit, before[0], before[1], categoryName(row))) {
                    units.put(credit, new UnitInfo(0, null, null, "import.out-of-scope"));
                } else if (!scope.coversUnit(credit, county, sector)
                        && !scope.covers(credit, county, sector, categoryName(row))) {
                    units.put(credit, new UnitInfo(0, null, null, "import.out-of-scope"));
                } else {
                    accepted.add(row);
                }
            }
            if (accepted.isEmpty()) {
                return;
            }
            String[] credits = new String[accepted.size()];
            String[] names = new String[accepted.size()];
            String[] counties = new String[accepted.size()];
            String[] sectors = new String[accepted.size()];
            String[] types = new String[accepted.size()];
            for (int i = 0; i < accepted.size(); i++) {
                RowParser.Parsed row = accepted.get(i);
                credits[i] = (String) row.get("unitCreditCode");
                names[i] = (String) row.get("unitName");
                counties[i] = (String) row.get("county");
                sectors[i] = (String) row.get("sector");
                types[i] = ((UnitType) row.get("unitType")).name();
            }
            Map<String, Long> ids = new HashMap<>();
            try (PreparedStatement s = data.prepareStatement("insert into project_unit (credit_code, name, county,"
                    + " sector_code, unit_type, created_at, updated_at) select u.credit, u.name, u.county, u.sector,"
                    + " u.type, cast(? as timestamptz), cast(? as timestamptz) from unnest(?::text[], ?::text[],"
                    + " ?::text[], ?::text[], ?::text[]) with ordinality as u(credit, name, county, sector, type, n)"
                    + " order by u.n on conflict (credit_code) do update set name = excluded.name, county ="
                    + " excluded.county, sector_code = excluded.sector_code, unit_type = excluded.unit_type,"
                    + " updated_at = excluded.updated_at, version = project_unit.version + 1 returning credit_code,"
                    + " id")) {
                s.setTimestamp(1, Timestamp.from(now));
                s.setTimestamp(2, Timestamp.from(now));
                s.setArray(3, data.createArrayOf("text", credits));
                s.setArray(4, data.createArrayOf("text", names));
                s.setArray(5, data.createArrayOf("text", counties));
                s.setArray(6, data.createArrayOf("text", sectors));
                s.setArray(7, data.createArrayOf("text", types));
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        ids.put(rs.getString(1).strip(), rs.getLong(2));
                    }
                }
            }
            List<Integer> moved = new ArrayList<>();
            for (int i = 0; i < credits.length; i++) {
                Long id = ids.get(credits[i]);
                if (id == null) {
                    throw new IllegalStateException("the unit upsert returned no id for " + credits[i]);
                }
                units.put(credits[i], new UnitInfo(id, counties[i], sectors[i], null));
                if (stored.containsKey(credits[i])) {
                    moved.add(i);
                }
            }
            if (!moved.isEmpty()) {
                // A stored unit's county and sector are copied onto its records, as a change of the unit does.
                Long[] unitIds = new Long[moved.size()];
                String[] movedCounties = new String[moved.size()];
                String[] movedSectors = new String[moved.size()];
                for (int j = 0; j < moved.size(); j++) {
                    unitIds[j] = ids.get(credits[moved.get(j)]);
                    movedCounties[j] = counties[moved.get(j)];
                    movedSectors[j] = sectors[moved.get(j)];
                }
                try (PreparedStatement s = data.prepareStatement("update equipment e set county = u.county,"
                        + " sector_code = u.sector from unnest(?::bigint[], ?::text[], ?::text[]) as u(id, county,"
                        + " sector) where e.unit_id = u.id and (e.county <> u.county or e.sector_code is distinct"
                        + " from u.sector)")) {
                    s.setArray(1, data.createArrayOf("bigint", unitIds));
                    s.setArray(2, data.createArrayOf("text", movedCounties));
                    s.setArray(3, data.createArrayOf("text", movedSectors));
                    s.executeUpdate();
                }
            }
        }

        private String categoryName(RowParser.Parsed row) {
            Category category = (Category) row.get("category");
            return category == null ? null : category.name();
        }

        /** credit code → {county, sector} of the units that exist. */
        Map<String, String[]> storedUnits(Set<String> credits) throws SQLException {
            Map<String, String[]> found = new HashMap<>();
            try (PreparedStatement s = data.prepareStatement(
                    "select credit_code, county, sector_code from project_unit where credit_code = any(?::bpchar[])")) {
                s.setArray(1, data.createArrayOf("text", credits.toArray(new String[0])));
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        found.put(rs.getString(1).strip(), new String[] {rs.getString(2), rs.getString(3)});
                    }
                }
            }
            return found;
        }

        /** The equipment columns an import writes: the bookkeeping ones, the file's, and the implied ones. */
        List<String> insertColumns() {
            List<String> insert = new ArrayList<>(List.of(
                    "unit_id",
                    "unit_credit_code",
                    "county",
                    "sector_code",
                    "status",
                    "created_at",
                    "updated_at",
                    "last_import_id"));
            for (Column c : equipmentColumns) {
                insert.add(c.sql());
            }
            if (equipmentColumns.stream().noneMatch(c -> c.key().equals("category"))) {
                insert.add("category");
            }
            if (equipmentColumns.stream().noneMatch(c -> c.key().equals("quantity"))) {
                insert.add("quantity");
            }
            if (kind == ListKind.NEW_BUILD) {
                insert.add("new_build");
            }
            return insert;
        }

        /**
         * The batch's upsert from the staging table, in row order, by natural key; returns what the
         * events and the flag rules need.
         */
        String upsertSql() {
            List<String> update = new ArrayList<>(List.of(
                    "county = excluded.county",
                    "sector_code = excluded.sector_code",
                    "status = excluded.status",
                    "updated_at = excluded.updated_at",
                    "last_import_id = excluded.last_import_id",
                    "version = equipment.version + 1"));
            for (Column c : equipmentColumns) {
                if (!c.key().equals("assetTag")) {
                    update.add(c.sql() + " = excluded." + c.sql());
                }
            }
            if (equipmentColumns.stream().noneMatch(c -> c.key().equals("category"))) {
                update.add("category = excluded.category");
            }
            if (kind == ListKind.NEW_BUILD) {
                update.add("new_build = excluded.new_build");
            }
            String columns = String.join(", ", insertColumns);
            return "insert into equipment (" + columns + ") select " + columns + " from import_stage order by"
                    + " row_number on conflict (unit_credit_code, asset_tag) do update set " + String.join(", ", update)
                    + " returning " + FlagService.FACT_COLUMNS + ", version, asset_tag";
        }

        /** Adds the row to the staging table's COPY, in the order of {@link #insertColumns()}. */
        void stage(int rowNumber, RowParser.Parsed row, UnitInfo unit, LifecycleStatus status, Instant now) {
            stage.add(rowNumber)
                    .add(unit.id())
                    .add(row.get("unitCreditCode"))
                    .add(unit.county())
                    .add(unit.sector())
                    .add(status)
                    .add(now)
                    .add(now)
                    .add(id);
            for (Column c : equipmentColumns) {
                Object v = row.get(c.key());
                switch (c.type()) {
                    case INTEGER -> stage.add(v == null && c.key().equals("safetyFindings") ? Integer.valueOf(0) : v);
                    case BOOLEAN -> stage.add(Boolean.TRUE.equals(v));
                    case ENUM ->
                        stage.add(
                                v == null
                                        ? (c.key().equals("runningCondition") ? "NORMAL" : null)
                                        : ((Enum<?>) v).name());
                    default -> stage.add(v);
                }
            }
            if (equipmentColumns.stream().noneMatch(c -> c.key().equals("category"))) {
                stage.add(kind.impliedCategory());
            }
            if (equipmentColumns.stream().noneMatch(c -> c.key().equals("quantity"))) {
                stage.add(BigDecimal.ONE);
            }
            if (kind == ListKind.NEW_BUILD) {
                stage.add(Boolean.TRUE);
            }
            stage.endRow();
        }

        void announce(long equipmentId, int version, RowParser.Parsed row, UnitInfo unit, LifecycleStatus[] move)
                throws SQLException {
            String key = String.valueOf(equipmentId);
            String credit = (String) row.get("unitCreditCode");
            Category category = (Category) row.get("category");
            Integer grade = (Integer) row.get("efficiencyGrade");
            events.add(
                    EquipmentEvents.TOPIC,
                    key,
                    move[0] == null ? EquipmentEvents.EQUIPMENT_REGISTERED : EquipmentEvents.EQUIPMENT_UPDATED,
                    new EquipmentEventData.Registered(
                            equipmentId,
                            credit,
                            (String) row.get("assetTag"),
                            unit.county(),
                            unit.sector(),
                            (String) row.get("name"),
                            category,
                            (BigDecimal) row.get("quantity"),
                            (LocalDate) row.get("commissionedOn"),
                            move[1],
                            grade,
                            (EfficiencyTier) row.get("efficiencyTier"),
                            (EmissionGrade) row.get("emissionGrade"),
                            (Long) row.get("originalValueFen"),
                            version));
            if (move[0] == move[1] && move[0] != null) {
                return;
            }
            if (move[1] == LifecycleStatus.RETIREMENT_SCHEDULED) {
                events.add(
                        EquipmentEvents.TOPIC,
                        key,
                        EquipmentEvents.EQUIPMENT_RETIREMENT_SCHEDULED,
                        new EquipmentEventData.RetirementScheduled(
                                equipmentId,
                                credit,
                                unit.county(),
                                unit.sector(),
                                (String) row.get("name"),
                                category,
                                (LocalDate) row.get("retirementPlannedOn"),
                                (String) row.get("retirementStandard"),
                                (String) row.get("retirementLegalBasis"),
                                null));
            } else if (move[1] == LifecycleStatus.RENEWAL_PLANNED) {
                events.add(
                        EquipmentEvents.TOPIC,
                        key,
                        EquipmentEvents.RENEWAL_INVESTMENT_PLANNED,
                        new EquipmentEventData.InvestmentPlanned(
                                equipmentId,
                                credit,
                                unit.county(),
                                unit.sector(),
                                category,
                                (Long) row.get("renewalInvestmentFen"),
                                (Integer) row.get("renewalPlannedYear"),
                                (String) row.get("renewalTarget"),
                                (String) row.get("renewalImprovement")));
            }
        }
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
