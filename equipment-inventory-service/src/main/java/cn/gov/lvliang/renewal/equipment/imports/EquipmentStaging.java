package cn.gov.lvliang.renewal.equipment.imports;

import cn.gov.lvliang.renewal.equipment.flags.FlagService;
import cn.gov.lvliang.renewal.equipment.lists.Column;
import cn.gov.lvliang.renewal.equipment.lists.ListKind;
import cn.gov.lvliang.renewal.equipment.register.LifecycleStatus;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The SQL shape of one import's equipment writes: which columns a staged row has, the upsert from
 * the staging table into {@code equipment} by natural key, and a row's staged values. Pure Java:
 * the statements are run by {@link BatchWriter}.
 */
final class EquipmentStaging {

    private static final Set<String> UNIT_KEYS = Set.of("unitCreditCode", "unitName", "county", "sector", "unitType");

    private final ListKind kind;
    private final List<Column> equipmentColumns;
    private final List<String> insertColumns;

    /** @param fileColumns the importable columns the parser reads */
    EquipmentStaging(ListKind kind, List<Column> fileColumns) {
        this.kind = kind;
        this.equipmentColumns =
                fileColumns.stream().filter(c -> !UNIT_KEYS.contains(c.key())).toList();
        this.insertColumns = insertColumns();
    }

    private boolean fileHas(String key) {
        return equipmentColumns.stream().anyMatch(c -> c.key().equals(key));
    }

    /** The equipment columns an import writes: the bookkeeping ones, the file's, and the implied ones. */
    List<String> columns() {
        return insertColumns;
    }

    private List<String> insertColumns() {
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
        if (!fileHas("category")) {
            insert.add("category");
        }
        if (!fileHas("quantity")) {
            insert.add("quantity");
        }
        if (kind == ListKind.NEW_BUILD) {
            insert.add("new_build");
        }
        return insert;
    }

    /** The transaction's staging table, dropped at commit or rollback. */
    String createStageSql() {
        return "create temporary table import_stage on commit drop as select 0 as row_number, "
                + String.join(", ", insertColumns) + " from equipment with no data";
    }

    /** The COPY target of the staged rows. */
    String stageTarget() {
        return "import_stage (row_number, " + String.join(", ", insertColumns) + ")";
    }

    /**
     * The COPY target of new records written directly (rows of units this import created): their
     * ids drawn beforehand from the table's sequence (COPY writes a given identity value).
     */
    String directTarget() {
        return "equipment (id, " + String.join(", ", insertColumns) + ")";
    }

    /** The statement drawing {@code ?} ids from the equipment sequence, in order. */
    static String nextIdsSql() {
        return "select nextval(pg_get_serial_sequence('equipment', 'id')) from generate_series(1, ?)";
    }

    /**
     * What the flag rules read of a new record written directly, from its staged values (a column
     * the import does not write has no default: null).
     */
    FlagService.Subject subject(long id, List<Object> staged) {
        Map<String, Object> columns = new HashMap<>();
        for (int i = 0; i < insertColumns.size(); i++) {
            columns.put(insertColumns.get(i), staged.get(i + 1));
        }
        columns.put("id", id);
        return FlagService.Subject.of(columns);
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
        if (!fileHas("category")) {
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

    /** A row's staged values: the row number, then one per {@link #columns()}. */
    List<Object> values(
            int rowNumber,
            RowParser.Parsed row,
            RowAdmission.UnitInfo unit,
            LifecycleStatus status,
            Instant now,
            UUID importId) {
        List<Object> values = new ArrayList<>(insertColumns.size() + 1);
        values.addAll(Arrays.asList(
                rowNumber,
                unit.id(),
                row.get("unitCreditCode"),
                unit.county(),
                unit.sector(),
                status,
                now,
                now,
                importId));
        for (Column c : equipmentColumns) {
            Object v = row.get(c.key());
            values.add(
                    switch (c.type()) {
                        case ENUM ->
                            v == null ? (c.key().equals("runningCondition") ? "NORMAL" : null) : ((Enum<?>) v).name();
                        default -> v;
                    });
        }
        if (!fileHas("category")) {
            values.add(kind.impliedCategory());
        }
        if (!fileHas("quantity")) {
            values.add(BigDecimal.ONE);
        }
        if (kind == ListKind.NEW_BUILD) {
            values.add(Boolean.TRUE);
        }
        return values;
    }
}
