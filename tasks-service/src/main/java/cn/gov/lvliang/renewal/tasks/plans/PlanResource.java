package cn.gov.lvliang.renewal.tasks.plans;

import cn.gov.lvliang.renewal.platform.audit.Audited;
import cn.gov.lvliang.renewal.platform.audit.OwnTransactions;
import cn.gov.lvliang.renewal.platform.paging.Page;
import cn.gov.lvliang.renewal.platform.problem.Problems;
import cn.gov.lvliang.renewal.platform.security.Caller;
import cn.gov.lvliang.renewal.platform.security.Roles;
import cn.gov.lvliang.renewal.tasks.importer.DocumentReader;
import cn.gov.lvliang.renewal.tasks.importer.ImportReport;
import cn.gov.lvliang.renewal.tasks.plans.PlanViews.ImportResult;
import cn.gov.lvliang.renewal.tasks.plans.PlanViews.PlanSummary;
import cn.gov.lvliang.renewal.tasks.plans.PlanViews.PlanView;
import cn.gov.lvliang.renewal.tasks.plans.PlanViews.TaskView;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import java.io.IOException;
import java.nio.file.Files;
import java.util.Locale;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

@Audited
@Path("/api/tasks")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Plan · 任务分解")
@RolesAllowed({
    Roles.CITY_ADMIN,
    Roles.AUDITOR,
    Roles.DEPARTMENT_OFFICER,
    Roles.COUNTY_OFFICER,
    Roles.STATISTICS_BUREAU,
    Roles.SYSTEM_CLIENT
})
public class PlanResource {

    private final PlanImportService imports;
    private final PlanQueries queries;
    private final Caller caller;

    public PlanResource(PlanImportService imports, PlanQueries queries, Caller caller) {
        this.imports = imports;
        this.queries = queries;
        this.caller = caller;
    }

    @POST
    @OwnTransactions("a concurrent import of the same text fails on a unique constraint at commit and is retried in a"
            + " second transaction (importOnce); one enclosing transaction would be rolled back by the first failure")
    @Path("/plans/import")
    @Consumes(MediaType.TEXT_PLAIN)
    @RolesAllowed(Roles.CITY_ADMIN)
    @Operation(
            operationId = "importPlan",
            summary = "Import a policy document as a plan · 导入任务分解文件",
            description = "The text of a task-breakdown document such as 吕政发〔2024〕4号 (UTF-8). Answers 201 with the"
                    + " plan (metadata, actions → projects → tasks with lead departments and candidate milestones) and"
                    + " the import report (found vs announced counts, every place that could not be parsed). The same"
                    + " text again answers 200 with the existing plan and stores nothing; a changed text with the same"
                    + " document number is a new plan version with a diff.")
    @RequestBody(
            content =
                    @Content(
                            mediaType = MediaType.TEXT_PLAIN,
                            schema =
                                    @Schema(
                                            type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING,
                                            example = "吕梁市人民政府关于印发…的通知\n吕政发〔2024〕4号\n…")))
    @APIResponse(
            responseCode = "201",
            description = "Imported as a new plan (version)",
            content = @Content(schema = @Schema(implementation = ImportResult.class)))
    @APIResponse(
            responseCode = "200",
            description = "The same text was imported before; nothing new",
            content = @Content(schema = @Schema(implementation = ImportResult.class)))
    @APIResponse(responseCode = "400", description = "Not UTF-8 text")
    @APIResponse(responseCode = "403", description = "Not a city administrator")
    @APIResponse(responseCode = "422", description = "No task or no document number could be found")
    public Response importText(byte[] body) {
        String text;
        try {
            text = DocumentReader.utf8(body == null ? new byte[0] : body);
        } catch (DocumentReader.UnreadableDocumentException e) {
            throw Problems.invalidField("body", null, "field.not-utf8");
        }
        return respond(importOnce(text));
    }

    @POST
    @OwnTransactions("a concurrent import of the same text fails on a unique constraint at commit and is retried in a"
            + " second transaction (importOnce); one enclosing transaction would be rolled back by the first failure")
    @Path("/plans/import")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @RolesAllowed(Roles.CITY_ADMIN)
    @Operation(
            operationId = "importPlan",
            summary = "Import an uploaded .txt or .docx · 上传导入任务分解文件",
            description = "Form field `file`: a UTF-8 .txt or a Word .docx (its paragraphs are read). Same answers as"
                    + " the text/plain import.")
    @APIResponse(
            responseCode = "201",
            description = "Imported",
            content = @Content(schema = @Schema(implementation = ImportResult.class)))
    @APIResponse(
            responseCode = "200",
            description = "Imported before; nothing new",
            content = @Content(schema = @Schema(implementation = ImportResult.class)))
    @APIResponse(responseCode = "400", description = "No file, or a file that is neither UTF-8 text nor a .docx")
    @APIResponse(responseCode = "403", description = "Not a city administrator")
    @APIResponse(responseCode = "422", description = "No task or no document number could be found")
    public Response importUpload(@RestForm("file") FileUpload file) {
        if (file == null || file.uploadedFile() == null) {
            throw Problems.invalidField("file", null, "field.required");
        }
        String name = file.fileName() == null ? "" : file.fileName().toLowerCase(Locale.ROOT);
        String text;
        try {
            byte[] bytes = Files.readAllBytes(file.uploadedFile());
            if (name.endsWith(".docx") || DocumentReader.looksLikeZip(bytes)) {
                text = DocumentReader.docx(bytes);
            } else if (name.endsWith(".txt") || name.isEmpty()) {
                text = DocumentReader.utf8(bytes);
            } else {
                throw Problems.invalidField("file", file.fileName(), "field.unsupported-file");
            }
        } catch (IOException | DocumentReader.UnreadableDocumentException e) {
            throw Problems.invalidField("file", file.fileName(), "field.unreadable-file");
        }
        return respond(importOnce(text));
    }

    /**
     * Imports; when a concurrent import of the same text (or the same document number) won the
     * race, the unique constraints reject this one and a second attempt finds its result.
     */
    private ImportResult importOnce(String text) {
        try {
            return imports.importText(text, caller);
        } catch (jakarta.persistence.PersistenceException e) {
            if (!(rootCause(e) instanceof java.sql.SQLException sql) || !"23505".equals(sql.getSQLState())) {
                throw e;
            }
            return imports.importText(text, caller);
        }
    }

    private static Throwable rootCause(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t;
    }

    private static Response respond(ImportResult result) {
        if (!result.created()) {
            return Response.ok(result).build();
        }
        return Response.created(UriBuilder.fromResource(PlanResource.class)
                        .path("plans")
                        .path(result.plan().id().toString())
                        .build())
                .entity(result)
                .build();
    }

    @GET
    @Path("/plans")
    @Operation(
            operationId = "listPlans",
            summary = "List plans and their versions · 计划列表",
            description = "Newest first; filter by document number to see its versions.")
    @APIResponse(responseCode = "200", description = "A page of plans")
    public Page<PlanSummary> list(
            @QueryParam("documentNumber") String documentNumber,
            @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("20") @Min(1) @Max(200) int size) {
        return queries.list(documentNumber, page, size);
    }

    @GET
    @Path("/plans/{id}")
    @Operation(
            operationId = "getPlan",
            summary = "Read a plan with its tree · 查询计划",
            description = "Actions → projects → tasks. A department officer sees only the tasks its department is"
                    + " named in.")
    @APIResponse(
            responseCode = "200",
            description = "Found",
            content = @Content(schema = @Schema(implementation = PlanView.class)))
    @APIResponse(responseCode = "404", description = "Unknown plan")
    public PlanView get(@PathParam("id") UUID id) {
        return queries.get(id, caller);
    }

    @GET
    @Path("/plans/{id}/report")
    @RolesAllowed({Roles.CITY_ADMIN, Roles.AUDITOR})
    @Operation(
            operationId = "getPlanImportReport",
            summary = "The import report of a plan · 导入报告",
            description = "Found vs announced counts and every finding (truncation, missing tasks, unparsed lines).")
    @APIResponse(
            responseCode = "200",
            description = "Found",
            content = @Content(schema = @Schema(implementation = ImportReport.class)))
    @APIResponse(responseCode = "404", description = "Unknown plan")
    public ImportReport report(@PathParam("id") UUID id) {
        return queries.report(id);
    }

    @GET
    @Path("/plans/{id}/tasks")
    @Operation(
            operationId = "listPlanTasks",
            summary = "List a plan's tasks · 任务列表",
            description = "In document order; `department` filters by lead department code. A department officer"
                    + " sees only its own tasks.")
    @APIResponse(responseCode = "200", description = "A page of tasks")
    @APIResponse(responseCode = "404", description = "Unknown plan")
    public Page<TaskView> tasks(
            @PathParam("id") UUID id,
            @QueryParam("department") String department,
            @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("20") @Min(1) @Max(200) int size) {
        return queries.tasks(id, department, caller, page, size);
    }

    @GET
    @Path("/tasks/{id}")
    @Operation(
            operationId = "getTask",
            summary = "Read a task · 查询任务",
            description = "Outside a department officer's tasks: 404.")
    @APIResponse(
            responseCode = "200",
            description = "Found",
            content = @Content(schema = @Schema(implementation = TaskView.class)))
    public TaskView task(@PathParam("id") UUID id) {
        return queries.task(id, caller);
    }
}
