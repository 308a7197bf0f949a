package cn.gov.lvliang.renewal.equipment.imports;

import cn.gov.lvliang.renewal.equipment.register.Category;
import cn.gov.lvliang.renewal.equipment.units.PersonUnitCode;
import cn.gov.lvliang.renewal.equipment.units.UnitType;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The project units of one import: each unit the file names is created or updated once, from the
 * first row that names it, if the caller's scope allows, and its county and sector are copied onto
 * its stored records. A few statements per batch, however many units.
 */
final class UnitResolver {

    private final Connection data;
    private final RowAdmission admission;
    private final Map<String, RowAdmission.UnitInfo> units = new HashMap<>();
    private final Set<String> created = new HashSet<>();

    UnitResolver(Connection data, RowAdmission admission) {
        this.data = data;
        this.admission = admission;
    }

    /** The unit of a credit code that {@link #resolve} has seen. */
    RowAdmission.UnitInfo unit(String credit) {
        return units.get(credit);
    }

    /**
     * Whether this import inserted the unit (it did not exist before): then no record of it exists
     * but those this import writes, since the unit is not visible to anyone else before the commit
     * and units are never deleted.
     */
    boolean createdHere(String credit) {
        return created.contains(credit);
    }

    /** Creates or updates the units that these rows name for the first time in this import (first row wins). */
    void resolve(List<RowParser.Parsed> rows, Instant now) throws SQLException {
        Map<String, RowParser.Parsed> firstRows = new LinkedHashMap<>();
        for (RowParser.Parsed row : rows) {
            String credit = (String) row.get("unitCreditCode");
            if (!units.containsKey(credit)) {
                firstRows.putIfAbsent(credit, row);
            }
        }
        if (firstRows.isEmpty()) {
            return;
        }
        Map<String, String[]> stored = storedUnits(firstRows.keySet());
        List<RowParser.Parsed> accepted = new ArrayList<>();
        for (Map.Entry<String, RowParser.Parsed> e : firstRows.entrySet()) {
            RowParser.Parsed row = e.getValue();
            if (PersonUnitCode.isPersonUnitCode(e.getKey()) || row.get("unitType") == UnitType.PERSON) {
                units.put(e.getKey(), personUnit(e.getKey(), stored.get(e.getKey()), row));
                continue;
            }
            if (admission.mayWriteUnit(
                    e.getKey(),
                    stored.get(e.getKey()),
                    (String) row.get("county"),
                    (String) row.get("sector"),
                    categoryName(row))) {
                accepted.add(row);
            } else {
                units.put(e.getKey(), RowAdmission.UnitInfo.refused("import.out-of-scope"));
            }
        }
        if (!accepted.isEmpty()) {
            upsert(accepted, stored, now);
        }
    }

    private void upsert(List<RowParser.Parsed> accepted, Map<String, String[]> stored, Instant now)
            throws SQLException {
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
                + " id, xmax = 0")) {
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
                    if (rs.getBoolean(3)) {
                        created.add(rs.getString(1).strip());
                    }
                }
            }
        }
        List<Integer> moved = new ArrayList<>();
        for (int i = 0; i < credits.length; i++) {
            Long id = ids.get(credits[i]);
            if (id == null) {
                throw new IllegalStateException("the unit upsert returned no id for " + credits[i]);
            }
            units.put(credits[i], new RowAdmission.UnitInfo(id, counties[i], sectors[i], null));
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

    /**
     * A natural person's unit is registered through the API only (it needs the ID number, decision
     * 0041): rows name it by its unit code, and the import never creates or changes it (its name
     * stays masked, its county and sector are the stored ones).
     *
     * @param stored {county, sector, id} of the stored unit, or null
     */
    private RowAdmission.UnitInfo personUnit(String code, String[] stored, RowParser.Parsed row) {
        if (!PersonUnitCode.isPersonUnitCode(code)) {
            return RowAdmission.UnitInfo.refused("import.person-unit");
        }
        if (stored == null) {
            return RowAdmission.UnitInfo.refused("import.unknown-person-unit");
        }
        if (!admission.mayWriteUnit(code, stored, stored[0], stored[1], categoryName(row))) {
            return RowAdmission.UnitInfo.refused("import.out-of-scope");
        }
        return new RowAdmission.UnitInfo(Long.parseLong(stored[2]), stored[0], stored[1], null);
    }

    private static String categoryName(RowParser.Parsed row) {
        Category category = (Category) row.get("category");
        return category == null ? null : category.name();
    }

    /** credit code → {county, sector, id} of the units that exist. */
    private Map<String, String[]> storedUnits(Set<String> credits) throws SQLException {
        Map<String, String[]> found = new HashMap<>();
        try (PreparedStatement s = data.prepareStatement(
                "select credit_code, county, sector_code, id from project_unit where credit_code = any(?::bpchar[])")) {
            s.setArray(1, data.createArrayOf("text", credits.toArray(new String[0])));
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    found.put(
                            rs.getString(1).strip(), new String[] {rs.getString(2), rs.getString(3), rs.getString(4)});
                }
            }
        }
        return found;
    }
}
