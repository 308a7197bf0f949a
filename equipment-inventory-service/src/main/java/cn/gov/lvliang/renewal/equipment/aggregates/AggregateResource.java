package cn.gov.lvliang.renewal.equipment.aggregates;

import cn.gov.lvliang.renewal.equipment.flags.FlagService;
import cn.gov.lvliang.renewal.equipment.scope.Scopes;
import cn.gov.lvliang.renewal.platform.audit.Audited;
import cn.gov.lvliang.renewal.platform.problem.Problems;
import cn.gov.lvliang.renewal.platform.security.Caller;
import cn.gov.lvliang.renewal.platform.security.Roles;
import io.agroal.api.AgroalDataSource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Audited
@Path("/api/equipment/aggregates")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Aggregates · 汇总统计")
public class AggregateResource {

    private final AgroalDataSource dataSource;
    private final Scopes scopes;
    private final Caller caller;

    public AggregateResource(AgroalDataSource dataSource, Scopes scopes, Caller caller) {
        this.dataSource = dataSource;
        this.scopes = scopes;
        this.caller = caller;
    }

    @Schema(name = "EquipmentAggregate", description = "按县、领域或类别汇总 / totals by county, sector or category")
    public record Aggregate(
            @Schema(description = "county code, sector code or category", example = "141181")
            String key,

            @Schema(example = "120") long equipment,
            @Schema(example = "100") long inService,
            @Schema(example = "8") long renewalPlanned,
            @Schema(example = "7") long retirementScheduled,
            @Schema(example = "5") long retired,
            @Schema(example = "35") long flagged,

            @Schema(description = "计划投资（分）", example = "300000000")
            long plannedInvestmentFen,

            @Schema(description = "完成投资（分）", example = "280000000")
            long completedInvestmentFen,

            @Schema(description = "能效水平 counts: below entry, entry, saving, advanced, unknown")
            TierCounts tiers,

            @Schema(description = "节能及以上占比 (records with a tier) / share at saving tier or better", example = "0.4167")
            BigDecimal savingOrBetterShare,

            @Schema(description = "环保绩效 counts A-D") GradeCounts emissionGrades,

            @Schema(description = "A级占比 (records with a grade) / share at grade A", example = "0.1250")
            BigDecimal gradeAShare) {}

    public record TierCounts(long belowEntry, long entry, long saving, long advanced, long unknown) {}

    public record GradeCounts(long a, long b, long c, long d) {}

    @GET
    @RolesAllowed({
        Roles.CITY_ADMIN,
        Roles.AUDITOR,
        Roles.COUNTY_OFFICER,
        Roles.DEPARTMENT_OFFICER,
        Roles.STATISTICS_BUREAU,
        Roles.DISMANTLER,
        Roles.RECYCLER,
        Roles.DEALER,
        Roles.RETAILER,
        Roles.USED_CAR_MARKET,
        Roles.REMANUFACTURER,
        Roles.CASCADE_USER
    })
    @Operation(
            operationId = "getEquipmentAggregates",
            summary = "Counts, investment and grade shares · 汇总统计",
            description = "Equipment counts by lifecycle state, planned and completed renewal investment (fen) and the"
                    + " efficiency-tier and emission-grade shares, grouped by county, sector or category, over the"
                    + " records in the caller's scope. Retired equipment is left out of the shares.")
    @APIResponse(responseCode = "200", description = "One row per group")
    @APIResponse(responseCode = "400", description = "Grouped by neither county, sector nor category")
    public List<Aggregate> aggregates(
            @Parameter(description = "county, sector or category") @QueryParam("by") @DefaultValue("county")
                    String by) {
        String column = switch (by) {
            case "county" -> "e.county";
            case "sector" -> "coalesce(e.sector_code, '-')";
            case "category" -> "e.category";
            default -> throw Problems.invalidField("by", by, "field.aggregate-by");
        };
        List<Object> params = new ArrayList<>();
        var scope = caller.hasRole(Roles.STATISTICS_BUREAU) ? null : scopes.of(caller);
        String where = scope == null ? "true" : scope.equipmentSql(params);
        String sql = "select " + column + " as k, count(*),"
                + " count(*) filter (where status = 'IN_SERVICE'),"
                + " count(*) filter (where status = 'RENEWAL_PLANNED'),"
                + " count(*) filter (where status = 'RETIREMENT_SCHEDULED'),"
                + " count(*) filter (where status = 'RETIRED'),"
                + " count(*) filter (where exists (select 1 from equipment_flag f where f.equipment_id = e.id and"
                + " f.cleared_at is null)),"
                + " coalesce(sum(renewal_investment_fen), 0), coalesce(sum(renewal_completed_fen), 0),"
                + " count(*) filter (where status <> 'RETIRED' and efficiency_tier = 'BELOW_ENTRY'),"
                + " count(*) filter (where status <> 'RETIRED' and efficiency_tier = 'ENTRY'),"
                + " count(*) filter (where status <> 'RETIRED' and efficiency_tier = 'SAVING'),"
                + " count(*) filter (where status <> 'RETIRED' and efficiency_tier = 'ADVANCED'),"
                + " count(*) filter (where status <> 'RETIRED' and efficiency_tier is null),"
                + " count(*) filter (where status <> 'RETIRED' and emission_grade = 'A'),"
                + " count(*) filter (where status <> 'RETIRED' and emission_grade = 'B'),"
                + " count(*) filter (where status <> 'RETIRED' and emission_grade = 'C'),"
                + " count(*) filter (where status <> 'RETIRED' and emission_grade = 'D')"
                + " from equipment e where " + where + " group by 1 order by 1";
        List<Aggregate> rows = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < params.size(); i++) {
                FlagService.bind(c, s, i + 1, params.get(i));
            }
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    TierCounts tiers = new TierCounts(
                            rs.getLong(10), rs.getLong(11), rs.getLong(12), rs.getLong(13), rs.getLong(14));
                    GradeCounts grades =
                            new GradeCounts(rs.getLong(15), rs.getLong(16), rs.getLong(17), rs.getLong(18));
                    long tiered = tiers.belowEntry() + tiers.entry() + tiers.saving() + tiers.advanced();
                    long graded = grades.a() + grades.b() + grades.c() + grades.d();
                    rows.add(new Aggregate(
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
                            share(grades.a(), graded)));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("aggregate query failed", e);
        }
        return rows;
    }

    private static BigDecimal share(long part, long whole) {
        return whole == 0 ? null : BigDecimal.valueOf(part).divide(BigDecimal.valueOf(whole), 4, RoundingMode.HALF_UP);
    }
}
