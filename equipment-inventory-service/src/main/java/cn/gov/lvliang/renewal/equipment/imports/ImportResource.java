package cn.gov.lvliang.renewal.equipment.imports;

import cn.gov.lvliang.renewal.equipment.lists.ListKind;
import cn.gov.lvliang.renewal.equipment.lists.TabularWriter;
import cn.gov.lvliang.renewal.equipment.scope.Scopes;
import cn.gov.lvliang.renewal.platform.audit.Audited;
import cn.gov.lvliang.renewal.platform.audit.OwnTransactions;
import cn.gov.lvliang.renewal.platform.paging.Page;
import cn.gov.lvliang.renewal.platform.problem.ProblemMessages;
import cn.gov.lvliang.renewal.platform.problem.Problems;
import cn.gov.lvliang.renewal.platform.security.Caller;
import cn.gov.lvliang.renewal.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.ResponseHeader;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

@Audited
@Path("/api/equipment/imports")
@Tag(name = "Bulk import · 批量导入")
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
public class ImportResource {

    /** RFC 9745: when {@code POST /api/equipment/imports/{kind}} was deprecated (release 0.2.0). */
    static final String DEPRECATION = "@1796342400";

    /** RFC 8594: the date after which the old import path may answer 404. */
    static final String SUNSET = "Sat, 31 Jul 2027 00:00:00 GMT";

    static final String SUCCESSOR = "</api/equipment/imports>; rel=\"successor-version\"";

    private final ImportService imports;
    private final ImportReports reports;
    private final ImportHistory history;
    private final Scopes scopes;
    private final Caller caller;

    public ImportResource(
            ImportService imports, ImportReports reports, ImportHistory history, Scopes scopes, Caller caller) {
        this.imports = imports;
        this.reports = reports;
        this.history = history;
        this.scopes = scopes;
        this.caller = caller;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(
            operationId = "listImports",
            summary = "List imports · 导入记录",
            description = "Newest first: the caller's own imports, or everyone's for the city administrator and the"
                    + " auditor; each with its counts and the link to its row-level report.")
    @APIResponse(responseCode = "200", description = "One page: items, total, page, size")
    public Page<ImportHistory.ImportSummary> list(
            @Parameter(description = "a list's slug, e.g. retirement") @QueryParam("list") String list,
            @Parameter(description = "COMPLETED, REJECTED or RUNNING")
                    @QueryParam("status")
                    @Pattern(regexp = "COMPLETED|REJECTED|RUNNING")
                    String status,
            @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("20") @Min(1) @Max(Page.MAX_SIZE) int size) {
        if (list != null && ListKind.bySlug(list).isEmpty()) {
            throw Problems.invalidField("list", list, "field.unknown-list");
        }
        return history.page(caller.subject(), cityWide(), list, status, page, size);
    }

    @POST
    @OwnTransactions("streams the file into its own JDBC transaction and keeps the import's bookkeeping and row"
            + " errors on a second, auto-committed connection (ImportService); the errors must survive a rejected file")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({
        Roles.CITY_ADMIN, Roles.COUNTY_OFFICER, Roles.DEPARTMENT_OFFICER, Roles.DISMANTLER, Roles.RECYCLER,
        Roles.DEALER, Roles.RETAILER, Roles.USED_CAR_MARKET, Roles.REMANUFACTURER, Roles.CASCADE_USER
    })
    @Operation(
            operationId = "importList",
            summary = "Import a list · 批量导入清单",
            description = "Upload an XLSX or CSV filled from the list's template (form field 'file'). Every row is"
                    + " validated (credit-code check character, county, sector, allowed values, dates, amounts in yuan,"
                    + " no formulas, scope); the report gives row, column, value and message. Mode REJECT_FILE saves"
                    + " nothing when any row fails (status REJECTED); ACCEPT_VALID saves the valid rows. Rows upsert"
                    + " by credit code + asset tag, so importing the same file again creates no duplicates. The file"
                    + " is streamed and written in batches; at most equipment.import.max-rows data rows.")
    @APIResponse(
            responseCode = "200",
            description = "Imported (COMPLETED) or refused as a whole (REJECTED) · 导入结果",
            content = @Content(schema = @Schema(implementation = ImportReport.class)))
    @APIResponse(responseCode = "400", description = "Unreadable file, wrong headers, too many rows, zip bomb · 文件无法导入")
    @APIResponse(responseCode = "404", description = "Unknown list · 清单不存在")
    public ImportReport importList(
            @Parameter(
                            required = true,
                            description = "the list: status, renewal-demand, new-build, retirement,"
                                    + " problem-elevators, old-diesel-trucks, old-farm-machinery")
                    @QueryParam("kind")
                    String kind,
            @Parameter(description = "REJECT_FILE (整体拒绝) or ACCEPT_VALID (接受有效行)")
                    @QueryParam("mode")
                    @DefaultValue("REJECT_FILE")
                    String mode,
            @Parameter(description = "xlsx or csv; by default from the file name or content") @QueryParam("format")
                    String format,
            @RestForm("file")
                    @Schema(
                            type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING,
                            format = "binary")
                    FileUpload file,
            @Context HttpHeaders headers) {
        if (kind == null) {
            throw Problems.invalidField("kind", null, "field.required");
        }
        return upload(kind, mode, format, file, headers);
    }

    /**
     * The path before 0.2 ({@code POST /api/equipment/imports/{kind}}), equivalent to {@code GET
     * /api/equipment/imports/{id}} for routers and generated clients; kept for one release with
     * Deprecation and Sunset headers (decision 0025). Its template names the list {@code id} so
     * that the two templates are one path.
     */
    @POST
    @OwnTransactions("streams the file into its own JDBC transaction and keeps the import's bookkeeping and row"
            + " errors on a second, auto-committed connection (ImportService); the errors must survive a rejected file")
    @Path("/{id}")
    @ResponseHeader(name = "Deprecation", value = DEPRECATION)
    @ResponseHeader(name = "Sunset", value = SUNSET)
    @ResponseHeader(name = "Link", value = SUCCESSOR)
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({
        Roles.CITY_ADMIN, Roles.COUNTY_OFFICER, Roles.DEPARTMENT_OFFICER, Roles.DISMANTLER, Roles.RECYCLER,
        Roles.DEALER, Roles.RETAILER, Roles.USED_CAR_MARKET, Roles.REMANUFACTURER, Roles.CASCADE_USER
    })
    @Operation(
            operationId = "importListAtOldPath",
            deprecated = true,
            summary = "Import a list (deprecated: use POST /api/equipment/imports?kind=) · 批量导入清单（旧路径）",
            description = "Deprecated, removed after " + SUNSET
                    + ": use importList. Upload an XLSX or CSV filled from the list's template (form field 'file'). Every row is"
                    + " validated (credit-code check character, county, sector, allowed values, dates, amounts in yuan,"
                    + " no formulas, scope); the report gives row, column, value and message. Mode REJECT_FILE saves"
                    + " nothing when any row fails (status REJECTED); ACCEPT_VALID saves the valid rows. Rows upsert"
                    + " by credit code + asset tag, so importing the same file again creates no duplicates. The file"
                    + " is streamed and written in batches; at most equipment.import.max-rows data rows.")
    @APIResponse(
            responseCode = "200",
            description = "Imported (COMPLETED) or refused as a whole (REJECTED) · 导入结果",
            content = @Content(schema = @Schema(implementation = ImportReport.class)))
    @APIResponse(responseCode = "400", description = "Unreadable file, wrong headers, too many rows, zip bomb · 文件无法导入")
    public ImportReport upload(
            @Parameter(
                            description = "the list: status, renewal-demand, new-build, retirement,"
                                    + " problem-elevators, old-diesel-trucks, old-farm-machinery")
                    @PathParam("id")
                    String kind,
            @Parameter(description = "REJECT_FILE (整体拒绝) or ACCEPT_VALID (接受有效行)")
                    @QueryParam("mode")
                    @DefaultValue("REJECT_FILE")
                    String mode,
            @Parameter(description = "xlsx or csv; by default from the file name or content") @QueryParam("format")
                    String format,
            @RestForm("file")
                    @Schema(
                            type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING,
                            format = "binary")
                    FileUpload file,
            @Context HttpHeaders headers) {
        ListKind list = ListKind.bySlug(kind).orElseThrow(() -> Problems.notFound("resource.list", kind));
        ImportService.Mode importMode = switch (mode) {
            case "REJECT_FILE", "reject-file" -> ImportService.Mode.REJECT_FILE;
            case "ACCEPT_VALID", "accept-valid" -> ImportService.Mode.ACCEPT_VALID;
            default -> throw Problems.invalidField("mode", mode, "field.import-mode");
        };
        if (file == null || file.uploadedFile() == null) {
            throw Problems.invalidField("file", null, "field.required");
        }
        TabularWriter.Format fileFormat = format != null ? parseFormat(format) : detect(file);
        Locale locale = ProblemMessages.resolve(headers.getAcceptableLanguages());
        return imports.run(
                list,
                file.uploadedFile(),
                fileFormat,
                importMode,
                file.fileName(),
                scopes.forWriting(caller),
                caller.subject(),
                locale);
    }

    @GET
    @Path("/{id}")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(
            operationId = "getImport",
            summary = "An import's outcome · 导入结果",
            description = "Counts and the first row errors. Visible to whoever ran it, and city-wide roles.")
    @APIResponse(
            responseCode = "200",
            description = "Found",
            content = @Content(schema = @Schema(implementation = ImportReport.class)))
    public ImportReport get(@PathParam("id") UUID id, @Context HttpHeaders headers) {
        return reports.find(id, caller.subject(), cityWide(), ProblemMessages.resolve(headers.getAcceptableLanguages()))
                .orElseThrow(() -> Problems.notFound("resource.import", id));
    }

    @GET
    @Path("/{id}/report")
    @Produces("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
    @Operation(
            operationId = "downloadImportReport",
            summary = "Row-level report as XLSX · 校验报告下载",
            description = "Every row error of the import: 行号, 列, 值, 错误说明. Streamed.")
    @APIResponse(responseCode = "200", description = "The report")
    public Response report(@PathParam("id") UUID id) {
        reports.find(id, caller.subject(), cityWide(), Locale.SIMPLIFIED_CHINESE)
                .orElseThrow(() -> Problems.notFound("resource.import", id));
        StreamingOutput body = out -> reports.writeReport(id, out);
        return Response.ok(body, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
                .header("Content-Disposition", "attachment; filename=\"import-report-" + id + ".xlsx\"")
                .build();
    }

    private boolean cityWide() {
        return caller.hasAnyRole(Set.of(Roles.CITY_ADMIN, Roles.AUDITOR));
    }

    private static TabularWriter.Format parseFormat(String format) {
        return switch (format.toLowerCase(Locale.ROOT)) {
            case "xlsx" -> TabularWriter.Format.XLSX;
            case "csv" -> TabularWriter.Format.CSV;
            default -> throw Problems.invalidField("format", format, "field.file-format");
        };
    }

    /** XLSX when the file starts with the zip signature, CSV otherwise. */
    private static TabularWriter.Format detect(FileUpload file) {
        try (InputStream in = Files.newInputStream(file.uploadedFile())) {
            byte[] head = in.readNBytes(4);
            boolean zip = head.length == 4 && head[0] == 'P' && head[1] == 'K' && head[2] == 3 && head[3] == 4;
            return zip ? TabularWriter.Format.XLSX : TabularWriter.Format.CSV;
        } catch (IOException e) {
            throw Problems.invalidField("file", null, "field.required");
        }
    }
}
