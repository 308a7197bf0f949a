package cn.gov.lvliang.renewal.equipment.imports;

import cn.gov.lvliang.renewal.equipment.lists.ListKind;
import cn.gov.lvliang.renewal.equipment.register.Category;
import cn.gov.lvliang.renewal.equipment.register.LifecycleStatus;
import cn.gov.lvliang.renewal.equipment.scope.Scope;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Decides whether a parsed, valid row may be written, and with which lifecycle move: a second row
 * for the same record, a refused unit, a record out of the caller's scope, a retired record or an
 * impossible move is a row error. Pure Java: what the database holds comes in as arguments.
 */
final class RowAdmission {

    /** A unit as the import knows it: its id, county and sector, or why its rows are refused. */
    record UnitInfo(long id, String county, String sector, String errorKey) {
        static UnitInfo refused(String errorKey) {
            return new UnitInfo(0, null, null, errorKey);
        }
    }

    /** The outcome for one row: the move {@code from → to} (from is null for a new record), or errors. */
    record Admission(LifecycleStatus from, LifecycleStatus to, List<RowParser.CellError> errors) {
        boolean admitted() {
            return errors.isEmpty();
        }

        static Admission refused(String column, String value, String key, Object... args) {
            return new Admission(null, null, List.of(new RowParser.CellError(column, value, key, args)));
        }
    }

    private final ListKind kind;
    private final Scope scope;
    private final Map<String, Integer> seenKeys = new HashMap<>();

    RowAdmission(ListKind kind, Scope scope) {
        this.kind = kind;
        this.scope = scope;
    }

    /** The key of a record within an import: credit code and asset tag. */
    static String key(String creditCode, String assetTag) {
        return creditCode + "\u0000" + assetTag;
    }

    /**
     * @param rowNumber the row's spreadsheet number
     * @param unit the row's unit, as resolved
     * @param stored the record's lifecycle status if it exists, else null
     */
    Admission admit(int rowNumber, RowParser.Parsed row, UnitInfo unit, LifecycleStatus stored) {
        String credit = (String) row.get("unitCreditCode");
        String tag = (String) row.get("assetTag");
        Integer first = seenKeys.putIfAbsent(key(credit, tag), rowNumber);
        if (first != null) {
            return Admission.refused("资产编号", tag, "import.duplicate-row", first);
        }
        if (unit.errorKey() != null) {
            return Admission.refused("统一社会信用代码", credit, unit.errorKey());
        }
        Category category = (Category) row.get("category");
        if (!scope.covers(credit, unit.county(), unit.sector(), category == null ? null : category.name())) {
            return Admission.refused("统一社会信用代码", credit, "import.out-of-scope");
        }
        if (stored == LifecycleStatus.RETIRED) {
            return Admission.refused("资产编号", tag, "import.retired");
        }
        LifecycleStatus to = stored == null ? LifecycleStatus.IN_SERVICE : stored;
        if (kind.importStatus() != null && to != kind.importStatus()) {
            if (!to.canMoveTo(kind.importStatus())) {
                return Admission.refused("资产编号", tag, "import.transition", to.label());
            }
            to = kind.importStatus();
        }
        return new Admission(stored, to, List.of());
    }

    /**
     * Whether the caller may create or change a unit: its stored county and sector (if it exists)
     * and the row's must both be in scope, as the unit or through the row's category.
     *
     * @param stored {county, sector} of the stored unit, or null
     */
    boolean mayWriteUnit(String credit, String[] stored, String county, String sector, String category) {
        if (stored != null
                && !scope.coversUnit(credit, stored[0], stored[1])
                && !scope.covers(credit, stored[0], stored[1], category)) {
            return false;
        }
        return scope.coversUnit(credit, county, sector) || scope.covers(credit, county, sector, category);
    }
}
