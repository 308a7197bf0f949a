package cn.gov.lvliang.renewal.equipment.lists;

import cn.gov.lvliang.renewal.equipment.register.Category;
import cn.gov.lvliang.renewal.equipment.register.EfficiencyTier;
import cn.gov.lvliang.renewal.equipment.register.EmissionGrade;
import cn.gov.lvliang.renewal.equipment.register.LifecycleStatus;
import java.util.List;

/** The filters every list accepts (query parameters); null means "any". */
public record ListFilter(
        String county,
        String sector,
        Category category,
        LifecycleStatus status,
        String unitCreditCode,
        String flag,
        EfficiencyTier efficiencyTier,
        EmissionGrade emissionGrade,
        Integer plannedYear) {

    /** The SQL conditions on {@code e}, parameters appended. */
    String sql(List<Object> params) {
        StringBuilder s = new StringBuilder("true");
        add(s, params, "e.county = ?", county);
        add(s, params, "e.sector_code = ?", sector);
        add(s, params, "e.category = ?", category == null ? null : category.name());
        add(s, params, "e.status = ?", status == null ? null : status.name());
        add(s, params, "e.unit_credit_code = ?", unitCreditCode);
        add(s, params, "e.efficiency_tier = ?", efficiencyTier == null ? null : efficiencyTier.name());
        add(s, params, "e.emission_grade = ?", emissionGrade == null ? null : emissionGrade.name());
        add(s, params, "e.renewal_planned_year = ?", plannedYear);
        add(
                s,
                params,
                "exists (select 1 from equipment_flag f2 where f2.equipment_id = e.id and f2.cleared_at is null and"
                        + " f2.rule_code = ?)",
                flag);
        return s.toString();
    }

    private static void add(StringBuilder s, List<Object> params, String condition, Object value) {
        if (value != null) {
            s.append(" and ").append(condition);
            params.add(value);
        }
    }
}
