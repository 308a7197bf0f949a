package cn.gov.lvliang.renewal.equipment.aggregates;

import cn.gov.lvliang.renewal.equipment.scope.Scopes;
import cn.gov.lvliang.renewal.platform.audit.Audited;
import cn.gov.lvliang.renewal.platform.security.Caller;
import cn.gov.lvliang.renewal.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.math.BigDecimal;
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

    private final EquipmentTally tally;
    private final Scopes scopes;
    private final Caller caller;

    public AggregateResource(EquipmentTally tally, Scopes scopes, Caller caller) {
        this.tally = tally;
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
        // the statistics bureau reads every record's aggregates (and nothing else)
        return tally.aggregates(by, caller.hasRole(Roles.STATISTICS_BUREAU) ? null : scopes.of(caller));
    }
}
