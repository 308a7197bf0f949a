package cn.gov.lvliang.renewal.tasks.indicators;

import cn.gov.lvliang.renewal.platform.audit.Audited;
import cn.gov.lvliang.renewal.platform.problem.Problems;
import cn.gov.lvliang.renewal.platform.security.Caller;
import cn.gov.lvliang.renewal.platform.security.Roles;
import cn.gov.lvliang.renewal.tasks.indicators.IndicatorService.IndicatorProgress;
import cn.gov.lvliang.renewal.tasks.indicators.IndicatorService.MonthlyValue;
import cn.gov.lvliang.renewal.tasks.organisation.ImplementingUnit;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Audited
@Path("/api/tasks/indicators")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Indicators · 目标指标")
@RolesAllowed({
    Roles.CITY_ADMIN,
    Roles.AUDITOR,
    Roles.DEPARTMENT_OFFICER,
    Roles.COUNTY_OFFICER,
    Roles.STATISTICS_BUREAU,
    Roles.SYSTEM_CLIENT
})
public class IndicatorResource {

    private final IndicatorService indicators;
    private final Caller caller;

    public IndicatorResource(IndicatorService indicators, Caller caller) {
        this.indicators = indicators;
        this.caller = caller;
    }

    @Schema(name = "IndicatorBaselineRequest", description = "基期值 / the 2023 value for an area")
    public record BaselineRequest(
            @NotNull @DecimalMin("0") @Schema(example = "1200")
            BigDecimal value) {}

    @Schema(name = "IndicatorValueRequest", description = "手工录入 / a manual value for a month")
    public record ValueRequest(
            @NotNull @DecimalMin("0") @Schema(example = "120")
            BigDecimal value) {}

    @Schema(name = "AddIndicatorRequest", description = "设立指标 / a new indicator with its target, source and baseline")
    public record AddIndicatorRequest(
            @NotNull @Pattern(regexp = "[A-Z][A-Z0-9_]{2,39}") @Schema(example = "CHARGING_PILES")
            String code,

            @NotBlank @Size(max = 200) @Schema(example = "新建充电桩 / charging piles built")
            String name,

            @NotBlank @Size(max = 20) @Schema(example = "piles")
            String unit,

            @NotNull Indicator.TargetRule targetRule,

            @DecimalMin("0") @Schema(description = "required unless targetRule is NONE", example = "3000")
            BigDecimal targetValue,

            @NotNull @Min(2000) @Max(2100) @Schema(example = "2023")
            Integer baselineYear,

            @DecimalMin("0")
            @Schema(description = "the baseline-year value for the city (141100), optional", example = "800")
            BigDecimal baseline,

            @NotNull @Schema(example = "2027-12-31") LocalDate deadline,
            @NotNull Indicator.Measurement measurement,

            @NotNull @Schema(description = "where the actual values come from: MANUAL (an event source needs code)")
            Indicator.Source source,

            @Min(1) @Max(999) @Schema(example = "33") Integer taskNumber,

            @NotBlank
            @Size(max = 2000)
            @Schema(description = "依据: the words or decision it stands for", example = "市政府常务会议决定")
            String basis) {}

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.CITY_ADMIN)
    @Operation(
            operationId = "addIndicator",
            summary = "Add an indicator · 设立指标",
            description = "An indicator beyond the document's own: target rule and value, deadline, measurement,"
                    + " source (MANUAL: values are entered by hand), the basis and, optionally, the city's"
                    + " baseline-year value. Its progress is answered.")
    @APIResponse(
            responseCode = "201",
            description = "Added",
            content = @Content(schema = @Schema(implementation = IndicatorProgress.class)))
    @APIResponse(responseCode = "409", description = "The code exists")
    public Response addIndicator(@Valid @NotNull AddIndicatorRequest request) {
        if (request.targetRule() != Indicator.TargetRule.NONE && request.targetValue() == null) {
            throw Problems.invalidField("targetValue", null, "field.required");
        }
        if (request.source() != Indicator.Source.MANUAL) {
            throw Problems.invalidField("source", request.source(), "field.manual-source-only");
        }
        if (request.deadline().getYear() <= request.baselineYear()) {
            throw Problems.invalidField("deadline", request.deadline(), "field.deadline-after-baseline");
        }
        Indicator i = new Indicator();
        i.code = request.code();
        i.name = request.name().strip();
        i.unit = request.unit().strip();
        i.targetRule = request.targetRule();
        i.targetValue = request.targetRule() == Indicator.TargetRule.NONE ? null : request.targetValue();
        i.baselineYear = request.baselineYear();
        i.deadline = request.deadline();
        i.measurement = request.measurement();
        i.source = request.source();
        i.taskNumber = request.taskNumber();
        i.quote = request.basis().strip();
        IndicatorProgress added = indicators.addIndicator(i, request.baseline(), caller.subject());
        return Response.status(Response.Status.CREATED).entity(added).build();
    }

    @GET
    @Operation(
            operationId = "listIndicators",
            summary = "Indicators with their progress · 指标进展",
            description = "Every indicator with baseline, actual, target, where the straight line from baseline to"
                    + " target stands this month, and a behind-schedule flag. `area`: a county code or 141100 (the"
                    + " city, default). `asOf`: a month (YYYY-MM), default the current one.")
    @APIResponse(responseCode = "200", description = "All indicators")
    @APIResponse(responseCode = "400", description = "Bad area or month")
    public List<IndicatorProgress> list(@QueryParam("area") String area, @QueryParam("asOf") String asOf) {
        return indicators.all(area(area), month(asOf));
    }

    @GET
    @Path("/{code}")
    @Operation(
            operationId = "getIndicator",
            summary = "One indicator's progress · 单项指标进展",
            description = "As in the list.")
    @APIResponse(
            responseCode = "200",
            description = "Found",
            content = @Content(schema = @Schema(implementation = IndicatorProgress.class)))
    @APIResponse(responseCode = "404", description = "Unknown indicator")
    public IndicatorProgress one(
            @PathParam("code") String code, @QueryParam("area") String area, @QueryParam("asOf") String asOf) {
        return indicators.one(code, area(area), month(asOf));
    }

    @GET
    @Path("/{code}/values")
    @Operation(
            operationId = "listIndicatorValues",
            summary = "Monthly actual values · 月度实际值",
            description = "For a county, or for the city (the counties' sum; own values for a level indicator).")
    @APIResponse(responseCode = "200", description = "Values by month")
    @APIResponse(responseCode = "404", description = "Unknown indicator")
    public List<MonthlyValue> values(@PathParam("code") String code, @QueryParam("area") String area) {
        return indicators.values(code, area(area));
    }

    @PUT
    @Path("/{code}/baselines/{area}")
    @RolesAllowed(Roles.CITY_ADMIN)
    @Operation(
            operationId = "setBaseline",
            summary = "Set a 2023 baseline · 设定基期值",
            description = "For a county or for the city (141100). Without a city baseline, the counties' sum is used"
                    + " for flows and counts.")
    @APIResponse(responseCode = "204", description = "Set")
    @APIResponse(responseCode = "404", description = "Unknown indicator")
    public void setBaseline(
            @PathParam("code") String code,
            @PathParam("area") @Pattern(regexp = "\\d{6}") String area,
            @Valid @NotNull BaselineRequest request) {
        indicators.setBaseline(code, area(area), request.value(), caller.subject());
    }

    @PUT
    @Path("/{code}/baselines")
    @Consumes({"text/csv", MediaType.TEXT_PLAIN})
    @RolesAllowed(Roles.CITY_ADMIN)
    @Operation(
            operationId = "uploadBaselines",
            summary = "Upload 2023 baselines as CSV · 批量导入基期值",
            description = "One `area,value` per line (optional header `area,value`); area a county code or 141100."
                    + " All lines are stored, or none: any bad line answers 400 with its line number.")
    @APIResponse(responseCode = "200", description = "Stored; the rows")
    @APIResponse(responseCode = "400", description = "A line that cannot be read")
    @APIResponse(responseCode = "404", description = "Unknown indicator")
    public List<BaselineCsv.Row> uploadBaselines(@PathParam("code") String code, String csv) {
        java.util.Set<String> areas = new java.util.HashSet<>();
        areas.add(IndicatorService.CITY);
        ImplementingUnit.<ImplementingUnit>listAll().forEach(u -> areas.add(u.code));
        BaselineCsv.Result result = BaselineCsv.read(csv, areas);
        if (!result.errors().isEmpty()) {
            BaselineCsv.Error first = result.errors().get(0);
            throw Problems.invalidField("line " + first.line(), first.text(), "field.bad-csv-line", first.reason());
        }
        indicators.setBaselines(code, result.rows(), caller.subject());
        return result.rows();
    }

    @PUT
    @Path("/{code}/values/{area}/{month}")
    @RolesAllowed({Roles.CITY_ADMIN, Roles.COUNTY_OFFICER})
    @Operation(
            operationId = "setIndicatorValue",
            summary = "Enter a manual value · 手工录入实际值",
            description = "Only for indicators without an event source. A county officer enters its own county's"
                    + " values; the city any area.")
    @APIResponse(
            responseCode = "200",
            description = "Stored",
            content = @Content(schema = @Schema(implementation = MonthlyValue.class)))
    @APIResponse(responseCode = "403", description = "Another county")
    @APIResponse(responseCode = "422", description = "The indicator is measured from events")
    public MonthlyValue setValue(
            @PathParam("code") String code,
            @PathParam("area") String area,
            @PathParam("month") String month,
            @Valid @NotNull ValueRequest request) {
        String a = area(area);
        if (!caller.hasRole(Roles.CITY_ADMIN) && !caller.county().map(a::equals).orElse(false)) {
            throw Problems.forbidden("forbidden", "detail.forbidden");
        }
        return indicators.setManual(code, a, month(month), request.value());
    }

    private YearMonth month(String text) {
        if (text == null || text.isBlank()) {
            return indicators.thisMonth();
        }
        try {
            return YearMonth.parse(text);
        } catch (DateTimeParseException e) {
            throw Problems.invalidField("month", text, "field.wrong-type");
        }
    }

    private static String area(String area) {
        if (area == null || area.isBlank()) {
            return IndicatorService.CITY;
        }
        if (!IndicatorService.CITY.equals(area) && ImplementingUnit.findById(area) == null) {
            throw Problems.invalidField("area", area, "field.unknown-area");
        }
        return area;
    }
}
