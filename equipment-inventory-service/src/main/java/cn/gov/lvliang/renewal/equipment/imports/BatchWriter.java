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
 * whatever its size: the records of units this import created by one COPY into {@code equipment}
 * (ids drawn first), the others by COPY into the staging table and one upsert from there; then
 * COPY of the history rows, the events and the flags (decision 0054).
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
    private final PreparedStatement nextIds;
    private final CopyRows stage = new CopyRows();
    private final CopyRows inserts = new CopyRows();
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
        this.nextIds = data.prepareStatement(EquipmentStaging.nextIdsSql());
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

    /**
     * Writes the queued rows. Records of units this import created are new and nobody else can
     * write them: they are copied straight into {@code equipment} with ids drawn beforehand; the
     * others go through the staging table and the upsert by natural key.
     */
    void flush() throws SQLException {
        if (pending.isEmpty()) {
            return;
        }
        Instant now = Instant.now(clock);
        units.resolve(pending.stream().map(Pending::parsed).toList(), now);
        Map<String, LifecycleStatus> existing = existing();
        List<Admitted> written = new ArrayList<>();
        Map<String, Integer> staged = new HashMap<>();
        List<Integer> direct = new ArrayList<>();
        List<List<Object>> directValues = new ArrayList<>();
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
            List<Object> values = staging.values(p.row(), row, unit, a.to(), now, importId);
            if (units.createdHere(credit)) {
                direct.add(written.size());
                directValues.add(values);
            } else {
                values.forEach(stage::add);
                stage.endRow();
                staged.put(key, written.size());
            }
            written.add(new Admitted(p, unit, a.from(), a.to()));
        }
        pending.clear();
        if (written.isEmpty()) {
            return;
        }
        long[] ids = new long[written.size()];
        int[] versions = new int[written.size()];
        FlagService.Subject[] subjects = new FlagService.Subject[written.size()];
        if (!staged.isEmpty()) {
            upsert(staged, ids, versions, subjects);
        }
        if (!direct.isEmpty()) {
            long[] drawn = nextIds(direct.size());
            for (int j = 0; j < direct.size(); j++) {
                int i = direct.get(j);
                List<Object> values = directValues.get(j);
                ids[i] = drawn[j];
                subjects[i] = staging.subject(ids[i], values);
                inserts.add(ids[i]);
                values.subList(1, values.size()).forEach(inserts::add);
                inserts.endRow();
            }
            inserts.copyInto(data, staging.directTarget());
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

    /** Upserts the staged rows (natural key → position) and fills in what the database returned. */
    private void upsert(Map<String, Integer> positions, long[] ids, int[] versions, FlagService.Subject[] subjects)
            throws SQLException {
        stage.copyInto(data, staging.stageTarget());
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
        if (returned != positions.size()) {
            throw new IllegalStateException("expected " + positions.size() + " keys, got " + returned);
        }
        try (Statement s = data.createStatement()) {
            s.execute("truncate import_stage");
        }
    }

    /** {@code count} new equipment ids, in order. */
    private long[] nextIds(int count) throws SQLException {
        long[] ids = new long[count];
        nextIds.setInt(1, count);
        try (ResultSet rs = nextIds.executeQuery()) {
            for (int i = 0; i < count; i++) {
                if (!rs.next()) {
                    throw new IllegalStateException("the sequence gave fewer ids than asked");
                }
                ids[i] = rs.getLong(1);
            }
        }
        return ids;
    }

    /** (credit code, asset tag) → status of the queued rows' records that exist. */
    private Map<String, LifecycleStatus> existing() throws SQLException {
        List<String> credits = new ArrayList<>();
        List<String> tags = new ArrayList<>();
        for (Pending p : pending) {
            String credit = (String) p.parsed().get("unitCreditCode");
            if (!units.createdHere(credit)) { // a unit this import created has no other record
                credits.add(credit);
                tags.add((String) p.parsed().get("assetTag"));
            }
        }
        Map<String, LifecycleStatus> found = new HashMap<>();
        if (credits.isEmpty()) {
            return found;
        }
        try (PreparedStatement s = data.prepareStatement("select e.unit_credit_code, e.asset_tag, e.status"
                + " from equipment e join unnest(?::bpchar[], ?::text[]) as k(credit, tag) on e.unit_credit_code ="
                + " k.credit and e.asset_tag = k.tag")) {
            s.setArray(1, data.createArrayOf("text", credits.toArray()));
            s.setArray(2, data.createArrayOf("text", tags.toArray()));
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
        nextIds.close();
    }
}
