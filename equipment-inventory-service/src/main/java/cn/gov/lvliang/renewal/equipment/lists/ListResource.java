package cn.gov.lvliang.renewal.equipment.lists;

import cn.gov.lvliang.renewal.equipment.register.Category;
import cn.gov.lvliang.renewal.equipment.register.EfficiencyTier;
import cn.gov.lvliang.renewal.equipment.register.EmissionGrade;
import cn.gov.lvliang.renewal.equipment.register.LifecycleStatus;
import cn.gov.lvliang.renewal.equipment.scope.Scope;
import cn.gov.lvliang.renewal.equipment.scope.Scopes;
import cn.gov.lvliang.renewal.platform.audit.Audited;
import cn.gov.lvliang.renewal.platform.identifiers.CountyCode;
import cn.gov.lvliang.renewal.platform.paging.Page;
import cn.gov.lvliang.renewal.platform.problem.Problems;
import cn.gov.lvliang.renewal.platform.security.Caller;
import cn.gov.lvliang.renewal.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Audited
@Path("/api/equipment/lists")
@Tag(name = "Lists · 清单")
@RolesAllowed({
    Roles.CITY_ADMIN,
    Roles.AUDITOR,
    Roles.COUNTY_OFFICER,
    Roles.DEPARTMENT_OFFICER,
    Roles.DISMANTLER,
    Roles.RECYCLER,
    Roles.DEALER,
    Roles.RETAILER,
    Roles.USED_CAR_MARKET,
    Roles.REMANUFACTURER,
    Roles.CASCADE_USER
})
public class ListResource {

    static final String KINDS = "status, renewal-demand, new-build, retirement, problem-elevators, old-diesel-trucks,"
            + " old-farm-machinery";

    /** The programme's dates are Lüliang's: a file exported at 07:00 Beijing time is today's. */
    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    private final ListService lists;
    private final Scopes scopes;
    private final Caller caller;
    private final Clock clock;

    public ListResource(ListService lists, Scopes scopes, Caller caller, Clock clock) {
        this.lists = lists;
        this.scopes = scopes;
        this.caller = caller;
        this.clock = clock;
    }

    @Schema(name = "ListDefinition", description = "清单及其列 / a list and its columns")
    public record ListDefinition(
            @Schema(example = "retirement") String kind,
            @Schema(example = "淘汰清单") String title,
            List<ColumnView> columns) {}

    @Schema(name = "ListColumn", description = "清单列 / a column")
    public record ColumnView(
            @Schema(example = "retirementPlannedOn") String key,
            @Schema(example = "计划淘汰日期") String header,
            @Schema(example = "DATE") String type,
            boolean required,
            boolean importable,
            @Schema(example = "日期 yyyy-mm-dd") String allowedValues) {}

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(
            operationId = "listListKinds",
            summary = "The lists and their columns · 清单定义",
            description = "Each list's own fields, Chinese headers (also the spreadsheet headers), types and which"
                    + " are required on import.")
    @APIResponse(responseCode = "200", description = "All lists")
    public List<ListDefinition> definitions() {
        return Stream.of(ListKind.values()).map(ListResource::definition).toList();
    }

    static ListDefinition definition(ListKind kind) {
        List<Column> required = kind.required();
        return new ListDefinition(
                kind.slug(),
                kind.title(),
                kind.columns().stream()
                        .map(c -> new ColumnView(
                                c.key(),
                                c.header(),
                                c.type().name(),
                                required.contains(c),
                                c.importable(),
                                c.allowedValues()))
                        .toList());
    }

    @GET
    @Path("/{kind}")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(
            operationId = "getListPage",
            summary = "One page of a list · 清单查询",
            description = "Items carry the list's own fields (see GET /api/equipment/lists), money in fen, codes for"
                    + " enumerations. Only records in the caller's scope.")
    @APIResponse(responseCode = "200", description = "One page: items, total, page, size")
    @APIResponse(responseCode = "404", description = "Unknown list · 清单不存在")
    public Page<Map<String, Object>> page(
            @Parameter(description = KINDS) @PathParam("kind") String kind,
            @QueryParam("county") @CountyCode String county,
            @QueryParam("sector") String sector,
            @QueryParam("category") Category category,
            @QueryParam("status") LifecycleStatus status,
            @QueryParam("unitCreditCode") String unitCreditCode,
            @Parameter(description = "an active flag's rule code, e.g. BEYOND_DESIGN_LIFE") @QueryParam("flag")
                    String flag,
            @QueryParam("efficiencyTier") EfficiencyTier efficiencyTier,
            @QueryParam("emissionGrade") EmissionGrade emissionGrade,
            @QueryParam("plannedYear") Integer plannedYear,
            @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("20") @Min(1) @Max(200) int size) {
        ListFilter filter = new ListFilter(
                county, sector, category, status, unitCreditCode, flag, efficiencyTier, emissionGrade, plannedYear);
        return lists.page(kind(kind), filter, scopes.of(caller), page, size);
    }

    @GET
    @Path("/{kind}/export")
    @Produces({"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "text/csv"})
    @Operation(
            operationId = "exportList",
            summary = "Export a list · 清单导出",
            description = "The whole filtered list, streamed as XLSX or CSV with Chinese headers (same filters as the"
                    + " JSON list). Money in yuan, enumerations as Chinese labels.")
    @APIResponse(responseCode = "200", description = "The file")
    @APIResponse(responseCode = "404", description = "Unknown list · 清单不存在")
    public Response export(
            @Parameter(description = KINDS) @PathParam("kind") String kind,
            @QueryParam("format") @DefaultValue("xlsx") String format,
            @QueryParam("county") @CountyCode String county,
            @QueryParam("sector") String sector,
            @QueryParam("category") Category category,
            @QueryParam("status") LifecycleStatus status,
            @QueryParam("unitCreditCode") String unitCreditCode,
            @QueryParam("flag") String flag,
            @QueryParam("efficiencyTier") EfficiencyTier efficiencyTier,
            @QueryParam("emissionGrade") EmissionGrade emissionGrade,
            @QueryParam("plannedYear") Integer plannedYear) {
        ListKind list = kind(kind);
        TabularWriter.Format f = format(format);
        Scope scope = scopes.of(caller);
        ListFilter filter = new ListFilter(
                county, sector, category, status, unitCreditCode, flag, efficiencyTier, emissionGrade, plannedYear);
        StreamingOutput body = out -> lists.export(list, filter, scope, f, out);
        String day = LocalDate.now(clock.withZone(CHINA)).toString();
        return file(body, f, list.slug() + "-list-" + day, list.title() + "-" + day);
    }

    @GET
    @Path("/{kind}/template")
    @Produces({"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "text/csv"})
    @Operation(
            operationId = "downloadImportTemplate",
            summary = "Import template · 导入模板",
            description = "The list's importable columns as Chinese headers; the XLSX has a second sheet 填写说明"
                    + " with each column's allowed values and whether it is required.")
    @APIResponse(responseCode = "200", description = "The template")
    @APIResponse(responseCode = "404", description = "Unknown list · 清单不存在")
    public Response template(
            @Parameter(description = KINDS) @PathParam("kind") String kind,
            @QueryParam("format") @DefaultValue("xlsx") String format) {
        ListKind list = kind(kind);
        TabularWriter.Format f = format(format);
        StreamingOutput body = out -> {
            try (TabularWriter writer = TabularWriter.open(f, out)) {
                List<Column> columns =
                        list.columns().stream().filter(Column::importable).toList();
                writer.sheet(list.title(), 1, columns.size());
                writer.row(columns.stream().map(Column::header).toList());
                if (f == TabularWriter.Format.XLSX) {
                    writer.sheet("填写说明", 1 + columns.size(), 3);
                    writer.row(List.of("列", "必填", "填写要求"));
                    for (Column c : columns) {
                        writer.row(List.of(c.header(), list.required().contains(c) ? "是" : "否", c.allowedValues()));
                    }
                }
            }
        };
        return file(body, f, list.slug() + "-template", list.title() + "导入模板");
    }

    static ListKind kind(String slug) {
        return ListKind.bySlug(slug).orElseThrow(() -> Problems.notFound("resource.list", slug));
    }

    static TabularWriter.Format format(String format) {
        return switch (format.toLowerCase(java.util.Locale.ROOT)) {
            case "xlsx" -> TabularWriter.Format.XLSX;
            case "csv" -> TabularWriter.Format.CSV;
            default -> throw Problems.invalidField("format", format, "field.file-format");
        };
    }

    /**
     * A download: {@code filename} is a plain ASCII name that every client keeps (for example
     * {@code status-list-2026-12-04.xlsx}), {@code filename*} the Chinese one (RFC 6266).
     */
    static Response file(StreamingOutput body, TabularWriter.Format format, String asciiName, String chineseName) {
        String extension = "." + format.extension();
        return Response.ok(body, format.mediaType())
                .header(
                        "Content-Disposition",
                        "attachment; filename=\"" + asciiName + extension + "\"; filename*=UTF-8''"
                                + URLEncoder.encode(chineseName + extension, StandardCharsets.UTF_8)
                                        .replace("+", "%20"))
                .build();
    }
}
