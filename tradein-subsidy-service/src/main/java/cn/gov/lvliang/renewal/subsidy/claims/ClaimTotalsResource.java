package cn.gov.lvliang.renewal.subsidy.claims;

import cn.gov.lvliang.renewal.platform.audit.Audited;
import cn.gov.lvliang.renewal.platform.security.Caller;
import cn.gov.lvliang.renewal.platform.security.Roles;
import cn.gov.lvliang.renewal.subsidy.claims.ClaimMonthlyTotals.MonthlyTotal;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.YearMonth;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** 分项目分月申请与补贴汇总: claims and amounts per programme and month, for the leadership dashboard. */
@Audited
@Path("/api/subsidies/claims/monthly-totals")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Claims · 补贴申请")
public class ClaimTotalsResource {

    static final String MONTH = "\\d{4}-(0[1-9]|1[0-2])";

    private final ClaimMonthlyTotals totals;
    private final Caller caller;

    public ClaimTotalsResource(ClaimMonthlyTotals totals, Caller caller) {
        this.totals = totals;
        this.caller = caller;
    }

    @GET
    @RolesAllowed({
        Roles.CITY_ADMIN,
        Roles.AUDITOR,
        Roles.REVIEWER,
        Roles.COUNTY_OFFICER,
        Roles.DEALER,
        Roles.RETAILER,
        Roles.SYSTEM_CLIENT,
        Roles.DEPARTMENT_OFFICER,
        Roles.STATISTICS_BUREAU
    })
    @Operation(
            operationId = "getClaimMonthlyTotals",
            summary = "Claims and amounts per programme and month · 分项目分月申请与补贴汇总",
            description = "Every claim the caller may list (the claim list's scope; the statistics bureau reads all,"
                    + " as the totals carry no personal data), counted per programme and month of submission in"
                    + " China's time zone (Asia/Shanghai: a claim submitted at 2026-03-31T17:00Z counts in 2026-04):"
                    + " claims filed (every status), their computed amounts and what was paid of them, in fen."
                    + " Ordered by programme, then month; a month without claims has no row. Filters: from / to"
                    + " (months, both included), county, programmeId.")
    @APIResponse(
            responseCode = "200",
            description = "The totals, one row per programme and month",
            content = @Content(schema = @Schema(implementation = MonthlyTotal.class, type = SchemaType.ARRAY)))
    @APIResponse(responseCode = "400", description = "A month that is not YYYY-MM, or from after to (field errors)")
    public List<MonthlyTotal> totals(
            @Parameter(description = "第一个月 / first month, YYYY-MM", example = "2026-01")
                    @QueryParam("from")
                    @Pattern(regexp = MONTH)
                    String from,
            @Parameter(description = "最后一个月 / last month, YYYY-MM (included)", example = "2026-12")
                    @QueryParam("to")
                    @Pattern(regexp = MONTH)
                    String to,
            @Parameter(description = "行政区划代码 / county (GB/T 2260)", example = "141124")
                    @QueryParam("county")
                    @Pattern(regexp = "\\d{6}")
                    String county,
            @Parameter(description = "补贴项目 / programme", example = "HOME-APPLIANCE")
                    @QueryParam("programmeId")
                    @Pattern(regexp = "[A-Z0-9][A-Z0-9-]{2,39}")
                    String programmeId) {
        return totals.totals(new ClaimMonthlyTotals.Filter(month(from), month(to), county, programmeId), caller);
    }

    private static YearMonth month(String value) {
        return value == null ? null : YearMonth.parse(value);
    }
}
