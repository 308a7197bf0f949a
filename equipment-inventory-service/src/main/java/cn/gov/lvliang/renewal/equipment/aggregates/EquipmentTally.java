package cn.gov.lvliang.renewal.equipment.aggregates;

import cn.gov.lvliang.renewal.equipment.aggregates.AggregateResource.Aggregate;
import cn.gov.lvliang.renewal.equipment.aggregates.AggregateResource.GradeCounts;
import cn.gov.lvliang.renewal.equipment.aggregates.AggregateResource.TierCounts;
import cn.gov.lvliang.renewal.equipment.flags.FlagService;
import cn.gov.lvliang.renewal.equipment.scope.Scope;
import cn.gov.lvliang.renewal.platform.problem.Problems;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * The equipment aggregates (汇总统计) of a scope, from the summary the database keeps
 * ({@code equipment_summary} plus the deltas not yet folded into it, migration V7, decision 0048):
 * its size is the number of distinct (county, sector, category, status, tier, grade, flagged) keys,
 * not of records. An enterprise's aggregates are counted from its own records, which its credit
 * code bounds (the summary has no unit).
 */
@ApplicationScoped
public class EquipmentTally {

    /** The summary and the deltas not yet folded, as one relation with the columns the scope conditions name. */
    private static final String SUMMARY =
            "(select * from equipment_summary union all" + " select * from equipment_summary_delta)";

    /** The summary's counterpart of one record: its count, its sums and whether it has an open flag. */
    private static final String SUMMARY_MEASURES = new Measures(
                    "sum(records)",
                    "sum(records) filter (where flagged)",
                    "sum(planned_investment_fen)",
                    "sum(completed_investment_fen)",
                    "efficiency_tier = '-'")
            .sql();

    /** The same measures counted over every record. */
    private static final String SCAN_MEASURES = new Measures(
                    "count(*)",
                    "count(*) filter (where exists (select 1 from equipment_flag f where f.equipment_id = e.id and"
                            + " f.cleared_at is null))",
                    "sum(renewal_investment_fen)",
                    "sum(renewal_completed_fen)",
                    "efficiency_tier is null")
            .sql();

    private final AgroalDataSource dataSource;

    public EquipmentTally(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * The aggregates grouped {@code by} county, sector or category over the records of {@code scope}
     * ({@code null}: every record, for the statistics bureau).
     */
    public List<Aggregate> aggregates(String by, Scope scope) {
        if (scope != null && scope.kind() == Scope.Kind.ENTERPRISE) {
            return scanned(by, scope);
        }
        return query(by, scope, SUMMARY_MEASURES, SUMMARY, "having sum(records) > 0");
    }

    /** The aggregates counted over every record in scope: the enterprise's answer, and the tests' oracle. */
    List<Aggregate> scanned(String by, Scope scope) {
        return query(by, scope, SCAN_MEASURES, "equipment", "");
    }

    /** Moves the deltas into the summary (one fold at a time across instances); returns the keys it wrote. */
    public long fold() {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("select equipment_summary_fold()");
                ResultSet rs = s.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException("equipment summary fold failed", e);
        }
    }

    /**
     * The select list after the group key: the record count, the four lifecycle states, flagged, the
     * two investment sums, the tiers and grades of records not retired.
     *
     * @param count how the source counts records ({@code count(*)} or the sum of the summary's counts)
     * @param unknownTier the condition of an unknown efficiency tier
     */
    private record Measures(String count, String flagged, String planned, String completed, String unknownTier) {

        String sql() {
            List<String> columns = new ArrayList<>(List.of(count));
            for (String status : List.of("IN_SERVICE", "RENEWAL_PLANNED", "RETIREMENT_SCHEDULED", "RETIRED")) {
                columns.add(countWhere("status = '" + status + "'"));
            }
            columns.add(flagged);
            columns.add("coalesce(" + planned + ", 0)");
            columns.add("coalesce(" + completed + ", 0)");
            for (String tier : List.of("BELOW_ENTRY", "ENTRY", "SAVING", "ADVANCED")) {
                columns.add(countWhere("status <> 'RETIRED' and efficiency_tier = '" + tier + "'"));
            }
            columns.add(countWhere("status <> 'RETIRED' and " + unknownTier));
            for (String grade : List.of("A", "B", "C", "D")) {
                columns.add(countWhere("status <> 'RETIRED' and emission_grade = '" + grade + "'"));
            }
            return String.join(", ", columns);
        }

        private String countWhere(String condition) {
            return count + " filter (where " + condition + ")";
        }
    }

    private List<Aggregate> query(String by, Scope scope, String measures, String source, String having) {
        String column = switch (by) {
            case "county" -> "e.county";
            case "sector" -> "coalesce(e.sector_code, '-')";
            case "category" -> "e.category";
            default -> throw Problems.invalidField("by", by, "field.aggregate-by");
        };
        List<Object> params = new ArrayList<>();
        String where = scope == null ? "true" : scope.equipmentSql(params);
        String sql = "select " + column + " as k, " + measures + " from " + source + " e where " + where
                + " group by 1 " + having + " order by 1";
        List<Aggregate> rows = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < params.size(); i++) {
                FlagService.bind(c, s, i + 1, params.get(i));
            }
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    rows.add(aggregate(rs));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("aggregate query failed", e);
        }
        return rows;
    }

    private static Aggregate aggregate(ResultSet rs) throws SQLException {
        TierCounts tiers =
                new TierCounts(rs.getLong(10), rs.getLong(11), rs.getLong(12), rs.getLong(13), rs.getLong(14));
        GradeCounts grades = new GradeCounts(rs.getLong(15), rs.getLong(16), rs.getLong(17), rs.getLong(18));
        long tiered = tiers.belowEntry() + tiers.entry() + tiers.saving() + tiers.advanced();
        long graded = grades.a() + grades.b() + grades.c() + grades.d();
        return new Aggregate(
                rs.getString(1),
                rs.getLong(2),
                rs.getLong(3),
                rs.getLong(4),
                rs.getLong(5),
                rs.getLong(6),
                rs.getLong(7),
                rs.getLong(8),
                rs.getLong(9),
                tiers,
                share(tiers.saving() + tiers.advanced(), tiered),
                grades,
                share(grades.a(), graded));
    }

    private static BigDecimal share(long part, long whole) {
        return whole == 0 ? null : BigDecimal.valueOf(part).divide(BigDecimal.valueOf(whole), 4, RoundingMode.HALF_UP);
    }
}
