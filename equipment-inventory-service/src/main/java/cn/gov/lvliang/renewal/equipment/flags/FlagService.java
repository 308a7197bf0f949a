package cn.gov.lvliang.renewal.equipment.flags;

import cn.gov.lvliang.renewal.equipment.messaging.EquipmentEventData;
import cn.gov.lvliang.renewal.equipment.messaging.EquipmentEvents;
import cn.gov.lvliang.renewal.equipment.register.Category;
import cn.gov.lvliang.renewal.equipment.register.EfficiencyTier;
import cn.gov.lvliang.renewal.equipment.register.FlagReevaluation;
import cn.gov.lvliang.renewal.equipment.register.FuelType;
import cn.gov.lvliang.renewal.equipment.register.LifecycleStatus;
import cn.gov.lvliang.renewal.equipment.register.VehicleEmissionStandard;
import cn.gov.lvliang.renewal.equipment.register.VehicleKind;
import cn.gov.lvliang.renewal.equipment.scope.Scope;
import cn.gov.lvliang.renewal.platform.events.OutboxBatch;
import cn.gov.lvliang.renewal.platform.jdbc.CopyRows;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Keeps the flags of equipment records in line with the rules in force: raises new flags (and
 * announces them as equipment.flagged), clears flags whose condition is gone, and re-raises a flag
 * under a new rule version. Works on a JDBC connection so that the same code serves one record
 * (inside the change's transaction) and the whole register (in batches).
 */
@ApplicationScoped
public class FlagService implements FlagReevaluation {

    /** The columns of an equipment record that {@link Subject#of} reads. */
    public static final String FACT_COLUMNS = "id, unit_credit_code, county, category, commissioned_on,"
            + " design_life_years, efficiency_tier, fuel_type, vehicle_kind, operating, vehicle_emission_standard,"
            + " safety_findings, status";

    private static final String FACTS = "select " + FACT_COLUMNS + " from equipment where id = any(?)";
    private static final String LOCK_FREE =
            "select " + FACT_COLUMNS + " from equipment where id = any(?) order by id for no key update skip locked";
    private static final String LOCK_WAITING =
            "select " + FACT_COLUMNS + " from equipment where id = ? for no key update";

    private final ObjectMapper json;
    private final OutboxBatch outbox;
    private final AgroalDataSource dataSource;
    private final Clock clock;

    public FlagService(ObjectMapper json, OutboxBatch outbox, AgroalDataSource dataSource, Clock clock) {
        this.json = json;
        this.outbox = outbox;
        this.dataSource = dataSource;
        this.clock = clock;
    }

    /** The highest version of every rule. */
    public List<RuleDefinition> rulesInForce(Connection c) throws SQLException {
        List<RuleDefinition> rules = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement("select distinct on (code) code, version, active, parameters"
                        + " from flag_rule order by code, version desc");
                ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                rules.add(new RuleDefinition(
                        rs.getString(1), rs.getInt(2), rs.getBoolean(3), parameters(rs.getString(4))));
            }
        }
        return rules;
    }

    Map<String, Object> parameters(String text) {
        try {
            return json.readValue(text, new TypeReference<Map<String, Object>>() {});
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void reevaluate(Connection c, long[] ids, OutboxBatch.Writer events) throws SQLException {
        reevaluate(c, ids, rulesInForce(c), events);
    }

    /**
     * Re-evaluates the given records on {@code c}, in the caller's transaction.
     *
     * @return how many flags were raised
     */
    public int reevaluate(Connection c, long[] ids, List<RuleDefinition> rules, OutboxBatch.Writer events)
            throws SQLException {
        if (ids.length == 0) {
            return 0;
        }
        List<Subject> subjects = new ArrayList<>(ids.length);
        try (PreparedStatement facts = c.prepareStatement(FACTS)) {
            facts.setArray(1, c.createArrayOf("bigint", boxed(ids)));
            try (ResultSet rs = facts.executeQuery()) {
                while (rs.next()) {
                    subjects.add(Subject.of(rs));
                }
            }
        }
        return reevaluate(c, subjects, rules, events);
    }

    /**
     * Re-evaluates records whose facts the caller has just read (an import has them from its upsert's
     * {@code returning} clause), on {@code c}, in the caller's transaction. New flags are written with
     * one COPY.
     *
     * @return how many flags were raised
     */
    public int reevaluate(Connection c, List<Subject> subjects, List<RuleDefinition> rules, OutboxBatch.Writer events)
            throws SQLException {
        if (subjects.isEmpty()) {
            return 0;
        }
        LocalDate today = LocalDate.now(clock);
        Instant now = Instant.now(clock);
        long[] ids = subjects.stream().mapToLong(s -> s.facts().id()).toArray();
        Map<Long, Map<String, Integer>> active = new HashMap<>();
        try (PreparedStatement s = c.prepareStatement("select equipment_id, rule_code, rule_version from equipment_flag"
                + " where cleared_at is null and equipment_id = any(?)")) {
            s.setArray(1, c.createArrayOf("bigint", boxed(ids)));
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    active.computeIfAbsent(rs.getLong(1), k -> new HashMap<>()).put(rs.getString(2), rs.getInt(3));
                }
            }
        }
        int raised = 0;
        CopyRows inserts = new CopyRows();
        try (PreparedStatement clear = c.prepareStatement("update equipment_flag set cleared_at = ? where"
                + " equipment_id = ? and rule_code = ? and cleared_at is null")) {
            boolean clearing = false;
            for (Subject subject : subjects) {
                long id = subject.facts().id();
                Map<String, Integer> current = active.getOrDefault(id, Map.of());
                Map<String, RaisedFlag> wanted = new HashMap<>();
                for (RaisedFlag flag : FlagRules.evaluate(subject.facts(), rules, today)) {
                    wanted.put(flag.ruleCode(), flag);
                }
                for (Map.Entry<String, Integer> existing : current.entrySet()) {
                    RaisedFlag still = wanted.get(existing.getKey());
                    if (still == null || still.ruleVersion() != existing.getValue()) {
                        clear.setTimestamp(1, Timestamp.from(now));
                        clear.setLong(2, id);
                        clear.setString(3, existing.getKey());
                        clear.addBatch();
                        clearing = true;
                    }
                }
                for (RaisedFlag flag : wanted.values()) {
                    Integer version = current.get(flag.ruleCode());
                    if (version != null && version == flag.ruleVersion()) {
                        continue;
                    }
                    inserts.add(id)
                            .add(flag.ruleCode())
                            .add(flag.ruleVersion())
                            .add(flag.reason())
                            .add(now)
                            .endRow();
                    raised++;
                    events.add(
                            EquipmentEvents.TOPIC,
                            String.valueOf(id),
                            EquipmentEvents.EQUIPMENT_FLAGGED,
                            new EquipmentEventData.Flagged(
                                    id,
                                    subject.unitCreditCode(),
                                    subject.county(),
                                    flag.ruleCode(),
                                    flag.ruleVersion(),
                                    flag.reason()));
                }
            }
            if (clearing) {
                clear.executeBatch();
            }
        }
        inserts.copyInto(c, "equipment_flag (equipment_id, rule_code, rule_version, reason, raised_at)");
        return raised;
    }

    /** A record to re-evaluate: what the rules look at, and the unit and county its flagged event names. */
    public record Subject(EquipmentFacts facts, String unitCreditCode, String county) {

        /** Reads the current row of a query that selects (or returns) {@link FlagService#FACT_COLUMNS}. */
        public static Subject of(ResultSet rs) throws SQLException {
            return new Subject(
                    new EquipmentFacts(
                            rs.getLong("id"),
                            Category.valueOf(rs.getString("category")),
                            rs.getObject("commissioned_on", LocalDate.class),
                            (Integer) rs.getObject("design_life_years"),
                            enumOrNull(EfficiencyTier.class, rs.getString("efficiency_tier")),
                            enumOrNull(FuelType.class, rs.getString("fuel_type")),
                            enumOrNull(VehicleKind.class, rs.getString("vehicle_kind")),
                            rs.getObject("operating", Boolean.class),
                            enumOrNull(VehicleEmissionStandard.class, rs.getString("vehicle_emission_standard")),
                            rs.getObject("safety_findings", Integer.class),
                            LifecycleStatus.valueOf(rs.getString("status"))),
                    rs.getString("unit_credit_code"),
                    rs.getString("county"));
        }

        /**
         * A record about to be written, from its column values ({@link FlagService#FACT_COLUMNS} by
         * name; enumerations as constants or their names; a missing column is null).
         */
        public static Subject of(Map<String, Object> columns) {
            return new Subject(
                    new EquipmentFacts(
                            ((Number) columns.get("id")).longValue(),
                            Category.valueOf(text(columns.get("category"))),
                            (LocalDate) columns.get("commissioned_on"),
                            (Integer) columns.get("design_life_years"),
                            enumOrNull(EfficiencyTier.class, text(columns.get("efficiency_tier"))),
                            enumOrNull(FuelType.class, text(columns.get("fuel_type"))),
                            enumOrNull(VehicleKind.class, text(columns.get("vehicle_kind"))),
                            (Boolean) columns.get("operating"),
                            enumOrNull(VehicleEmissionStandard.class, text(columns.get("vehicle_emission_standard"))),
                            (Integer) columns.get("safety_findings"),
                            LifecycleStatus.valueOf(text(columns.get("status")))),
                    text(columns.get("unit_credit_code")),
                    text(columns.get("county")));
        }
    }

    private static String text(Object value) {
        return value == null ? null : value instanceof Enum<?> e ? e.name() : value.toString();
    }

    private static Long[] boxed(long[] ids) {
        Long[] boxed = new Long[ids.length];
        for (int i = 0; i < ids.length; i++) {
            boxed[i] = ids[i];
        }
        return boxed;
    }

    /**
     * Re-evaluation across the register (within the scope), in batches of 1,000 committed one by one.
     *
     * <p>Each batch first locks its records ({@code FOR NO KEY UPDATE}, the lock the flag triggers of
     * V7 take) and reads their facts in the same statement, skipping the records another transaction
     * holds (an import holds every record it wrote until it commits, in file order); those are done
     * after the pass. A batch therefore never waits while it holds a lock, and a waiting batch holds
     * none: the re-evaluation cannot be part of a deadlock (decision 0054). Locking also means a
     * record's flags are decided on its current facts, not on facts a concurrent change replaced.
     */
    public Reevaluation reevaluateAll(Scope scope) {
        List<Object> params = new ArrayList<>();
        String where = scope.equipmentSql(params);
        int records = 0;
        int raised = 0;
        long after = 0;
        TreeSet<Long> held = new TreeSet<>();
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            List<RuleDefinition> rules = rulesInForce(c);
            while (true) {
                List<Long> ids = new ArrayList<>();
                try (PreparedStatement s = c.prepareStatement(
                        "select e.id from equipment e where e.id > ? and " + where + " order by e.id limit 1000")) {
                    s.setLong(1, after);
                    for (int i = 0; i < params.size(); i++) {
                        bind(c, s, i + 2, params.get(i));
                    }
                    try (ResultSet rs = s.executeQuery()) {
                        while (rs.next()) {
                            ids.add(rs.getLong(1));
                        }
                    }
                }
                if (ids.isEmpty()) {
                    break;
                }
                after = ids.get(ids.size() - 1);
                List<Subject> subjects = lockFree(c, ids);
                held.addAll(ids);
                subjects.forEach(subject -> held.remove(subject.facts().id()));
                raised += reevaluateLocked(c, subjects, rules);
                records += subjects.size();
            }
            while (!held.isEmpty()) {
                // Wait for the first held record with no lock taken yet, then take whatever else is free.
                List<Subject> subjects = lockWaiting(c, held.pollFirst());
                List<Long> next = new ArrayList<>();
                for (Long id : held) {
                    if (next.size() == 999) {
                        break;
                    }
                    next.add(id);
                }
                subjects.addAll(lockFree(c, next));
                subjects.forEach(subject -> held.remove(subject.facts().id()));
                raised += reevaluateLocked(c, subjects, rules);
                records += subjects.size();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("re-evaluation failed", e);
        }
        outbox.wakeRelay();
        return new Reevaluation(records, raised);
    }

    /** Re-evaluates records this transaction has locked, and commits. */
    private int reevaluateLocked(Connection c, List<Subject> subjects, List<RuleDefinition> rules) throws SQLException {
        int raised;
        try (OutboxBatch.Writer events = outbox.on(c)) {
            raised = reevaluate(c, subjects, rules, events);
            events.flush();
        }
        c.commit();
        return raised;
    }

    /** Locks those of the records no other transaction holds, in id order, and reads their facts. */
    private static List<Subject> lockFree(Connection c, List<Long> ids) throws SQLException {
        return lock(c, LOCK_FREE, c.createArrayOf("bigint", ids.toArray()));
    }

    /** Locks one record, waiting for the transaction that holds it, and reads its facts (none if it is gone). */
    private static List<Subject> lockWaiting(Connection c, long id) throws SQLException {
        return lock(c, LOCK_WAITING, id);
    }

    private static List<Subject> lock(Connection c, String sql, Object ids) throws SQLException {
        List<Subject> subjects = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement(sql)) {
            s.setObject(1, ids);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    subjects.add(Subject.of(rs));
                }
            }
        }
        return subjects;
    }

    /** Binds a scope parameter (a string or a string array). */
    public static void bind(Connection c, PreparedStatement s, int index, Object value) throws SQLException {
        if (value instanceof String[] array) {
            s.setArray(index, c.createArrayOf("text", array));
        } else {
            s.setObject(index, value);
        }
    }

    private static <E extends Enum<E>> E enumOrNull(Class<E> type, String value) {
        return value == null ? null : Enum.valueOf(type, value);
    }

    /** The outcome of a re-evaluation: records looked at and flags raised. */
    public record Reevaluation(int records, int flagsRaised) {}
}
