package cn.gov.lvliang.renewal.equipment.scope;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The records a caller may see, from its role and scope claim: city-wide (city-admin, auditor),
 * one county (county-officer), some sectors and equipment categories (department-officer, from
 * the {@code department_scope} table), or one enterprise's own units (enterprise roles). Applied
 * inside queries, never after loading.
 *
 * @param writable false for read-only roles (auditor)
 */
public record Scope(Kind kind, String value, Set<String> sectors, Set<String> categories, boolean writable) {

    public enum Kind {
        CITY,
        COUNTY,
        DEPARTMENT,
        ENTERPRISE,
        NONE
    }

    public static Scope none() {
        return new Scope(Kind.NONE, null, Set.of(), Set.of(), false);
    }

    /** May the caller see or change a record of this unit, county, sector and category? */
    public boolean covers(String creditCode, String county, String sector, String category) {
        return switch (kind) {
            case CITY -> true;
            case COUNTY -> value.equals(county);
            case DEPARTMENT ->
                (sector != null && sectors.contains(sector)) || (category != null && categories.contains(category));
            case ENTERPRISE -> value.equals(creditCode);
            case NONE -> false;
        };
    }

    /**
     * A unit (no category): departments see units of their sectors here; reads ({@link #unitHql})
     * also show them the units holding equipment of their categories.
     */
    public boolean coversUnit(String creditCode, String county, String sector) {
        return covers(creditCode, county, sector, null);
    }

    /**
     * The SQL condition on an equipment row aliased {@code e}, its parameters appended to
     * {@code params}.
     */
    public String equipmentSql(List<Object> params) {
        switch (kind) {
            case CITY:
                return "true";
            case COUNTY:
                params.add(value);
                return "e.county = ?";
            case ENTERPRISE:
                params.add(value);
                return "e.unit_credit_code = ?";
            case DEPARTMENT:
                params.add(sectors.toArray(new String[0]));
                params.add(categories.toArray(new String[0]));
                return "(e.sector_code = any(?) or e.category = any(?))";
            default:
                return "false";
        }
    }

    /** The HQL condition on a {@code ProjectUnit}, with positional parameters from {@code first}. */
    public String unitHql(List<Object> params) {
        switch (kind) {
            case CITY:
                return "1 = 1";
            case COUNTY:
                params.add(value);
                return "county = ?" + params.size();
            case ENTERPRISE:
                params.add(value);
                return "creditCode = ?" + params.size();
            case DEPARTMENT:
                params.add(new ArrayList<>(sectors.isEmpty() ? Set.of("-") : sectors));
                String condition = "sectorCode in ?" + params.size();
                if (!categories.isEmpty()) {
                    // A department responsible for categories (市住建局: elevators) reads the units
                    // that hold equipment of them, as it reads that equipment.
                    // by the category's stored name, so that scope needs nothing of register's types
                    params.add(new ArrayList<>(categories));
                    condition = "(" + condition + " or creditCode in (select e.unitCreditCode from Equipment e"
                            + " where cast(e.category as String) in ?" + params.size() + "))";
                }
                return condition;
            default:
                return "1 = 0";
        }
    }
}
