package cn.gov.lvliang.renewal.equipment.imports;

import cn.gov.lvliang.renewal.equipment.flags.FlagService;
import cn.gov.lvliang.renewal.equipment.flags.RuleDefinition;
import cn.gov.lvliang.renewal.equipment.register.LifecycleStatus;
import cn.gov.lvliang.renewal.platform.events.OutboxBatch;
import cn.gov.lvliang.renewal.platform.jdbc.CopyRows;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Writes an import's valid rows batch by batch, in the import's one transaction: resolves the
 * units, admits each row ({@link RowAdmission}), then writes the batch with a few statements
 * whatever its size: COPY into the staging table and one upsert from there, COPY of the history
 * rows, the events and the flags.
 */
final class BatchWriter implements AutoCloseable {

    /** A valid row waiting for its batch. */
    record Pending(int row, RowParser.Parsed parsed) {}

    /** A row admitted into the batch, with its unit and its lifecycle move. */
    private record Admitted(Pending row, RowAdmission.UnitInfo unit, LifecycleStatus from, LifecycleStatus to) {}

    private final UUID importId;
    private final String actor;
    private final Clock clock;
    private final Connection data;
    private final EquipmentStaging staging;
    private final RowAdmission admission;
    private final UnitResolver units;
    private final ImportAnnouncements announcements;
    private final ImportErrors errors;
    private final FlagService flags;
    private final List<RuleDefinition> rules;
    private final OutboxBatch.Writer events;
    private final PreparedStatement upsert;
    private final CopyRows stage = new CopyRows();
    private final CopyRows history = new CopyRows();
    private final List<Pending> pending = new ArrayList<>();
    private int accepted;

    BatchWriter(
            UUID importId,
            String actor,
            Clock clock,
            Connection data,
            EquipmentStaging staging,
            RowAdmission admission,
            ImportAnnouncements announcements,
            ImportErrors errors,
            FlagService flags,
            OutboxBatch.Writer events)
            throws SQLException {
        this.importId = importId;
        this.actor = actor;
        this.clock = clock;
        this.data = data;
        this.staging = staging;
        this.admission = admission;
        this.units = new UnitResolver(data, admission);
        this.announcements = announcements;
        this.errors = errors;
        this.flags = flags;
        this.events = events;
        try (Statement ddl = data.createStatement()) {
            ddl.execute(staging.createStageSql());
        }
        this.rules = flags.rulesInForce(data);
        this.upsert = data.prepareStatement(staging.upsertSql());
    }

    /** Queues a valid row; writes the batch when it is full. */
    void add(Pending row, int batchSize) throws SQLException {
        pending.add(row);
        if (pending.size() >= batchSize) {
            flush();
        }
    }

    /** Rows written so far. */
    int accepted() {
        return accepted;
    }

    /** Writes the queued rows. */
    void flush() throws SQLException {
        if (pending.isEmpty()) {
            return;
        }
        Map<String, LifecycleStatus> existing = existing();
        Instant now = Instant.now(clock);
        units.resolve(pending.stream().map(Pending::parsed).toList(), now);
        List<Admitted> written = new ArrayList<>();
        Map<String, Integer> positions = new HashMap<>();
        for (Pending p : pending) {
            RowParser.Parsed row = p.parsed();
            String credit = (String) row.get("unitCreditCode");
            String key = RowAdmission.key(credit, (String) row.get("assetTag"));
            RowAdmission.UnitInfo unit = units.unit(credit);
            RowAdmission.Admission a = admission.admit(p.row(), row, unit, existing.get(key));
            if (!a.admitted()) {
                errors.reject(p.row(), a.errors());
                continue;
            }
            for (Object v : staging.values(p.row(), row, unit, a.to(), now, importId)) {
                stage.add(v);
            }
            stage.endRow();
            positions.put(key, written.size());
            written.add(new Admitted(p, unit, a.from(), a.to()));
        }
        pending.clear();
        if (written.isEmpty()) {
            return;
        }
        stage.copyInto(data, staging.stageTarget());
        long[] ids = new long[written.size()];
        int[] versions = new int[written.size()];
        FlagService.Subject[] subjects = new FlagService.Subject[written.size()];
        int returned = 0;
        try (ResultSet rs = upsert.executeQuery()) {
            while (rs.next()) {
                Integer i = positions.get(
                        RowAdmission.key(rs.getString("unit_credit_code").strip(), rs.getString("asset_tag")));
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
            Admitted w = written.get(i);
            announcements.announce(events, ids[i], versions[i], w.row().parsed(), w.unit(), w.from(), w.to());
            history.add(ids[i])
                    .add(now)
                    .add(actor)
                    .add(ImportAnnouncements.historyAction(w.from()))
                    .add(w.from())
                    .add(w.to())
                    .add(announcements.historyAfter(w.row().row(), w.row().parsed()))
                    .endRow();
        }
        history.copyInto(data, "equipment_history (equipment_id, at, actor, action, from_status, to_status, after)");
        accepted += written.size();
        flags.reevaluate(data, Arrays.asList(subjects), rules, events);
    }

    /** (credit code, asset tag) → status of the queued rows' records that exist. */
    private Map<String, LifecycleStatus> existing() throws SQLException {
        String[] credits = new String[pending.size()];
        String[] tags = new String[pending.size()];
        for (int i = 0; i < pending.size(); i++) {
            credits[i] = (String) pending.get(i).parsed().get("unitCreditCode");
            tags[i] = (String) pending.get(i).parsed().get("assetTag");
        }
        Map<String, LifecycleStatus> found = new HashMap<>();
        try (PreparedStatement s = data.prepareStatement("select e.unit_credit_code, e.asset_tag, e.status"
                + " from equipment e join unnest(?::bpchar[], ?::text[]) as k(credit, tag) on e.unit_credit_code ="
                + " k.credit and e.asset_tag = k.tag")) {
            s.setArray(1, data.createArrayOf("text", credits));
            s.setArray(2, data.createArrayOf("text", tags));
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    found.put(
                            RowAdmission.key(rs.getString(1).strip(), rs.getString(2)),
                            LifecycleStatus.valueOf(rs.getString(3)));
                }
            }
        }
        return found;
    }

    @Override
    public void close() throws SQLException {
        upsert.close();
    }
}
