package cn.gov.lvliang.renewal.tasks.progress;

import cn.gov.lvliang.renewal.platform.audit.Audited;
import cn.gov.lvliang.renewal.platform.security.Caller;
import cn.gov.lvliang.renewal.platform.security.Roles;
import cn.gov.lvliang.renewal.tasks.progress.ProgressService.ReportView;
import cn.gov.lvliang.renewal.tasks.progress.ProgressService.SubmitReport;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** An assignment's monthly reports (a separate root so that it is matched before /assignments). */
@Audited
@Path("/api/tasks/assignments/{id}/reports")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Progress reports · 进展报告")
public class AssignmentReportsResource {

    private final ProgressService progress;
    private final Caller caller;

    public AssignmentReportsResource(ProgressService progress, Caller caller) {
        this.progress = progress;
        this.caller = caller;
    }

    @POST
    @RolesAllowed({Roles.COUNTY_OFFICER, Roles.DEPARTMENT_OFFICER})
    @Operation(
            operationId = "submitProgressReport",
            summary = "Submit a monthly progress report · 报送月度进展",
            description = "By the assignee: narrative, percent complete, metric values, evidence links. One live"
                    + " report per month; after a return a new one may be submitted.")
    @APIResponse(
            responseCode = "201",
            description = "Submitted",
            content = @Content(schema = @Schema(implementation = ReportView.class)))
    @APIResponse(responseCode = "403", description = "Not the assignee")
    @APIResponse(responseCode = "404", description = "Unknown assignment, or outside the caller's scope")
    @APIResponse(responseCode = "409", description = "A live report for the month exists")
    public Response submit(@PathParam("id") UUID id, @Valid @NotNull SubmitReport request) {
        return Response.status(201).entity(progress.submit(id, request, caller)).build();
    }

    @GET
    @RolesAllowed({
        Roles.CITY_ADMIN,
        Roles.AUDITOR,
        Roles.DEPARTMENT_OFFICER,
        Roles.COUNTY_OFFICER,
        Roles.STATISTICS_BUREAU,
        Roles.SYSTEM_CLIENT
    })
    @Operation(
            operationId = "listProgressReports",
            summary = "An assignment's reports · 进展报告历史",
            description = "All of them, returned ones included.")
    @APIResponse(responseCode = "200", description = "The history")
    @APIResponse(responseCode = "404", description = "Unknown assignment, or outside the caller's scope")
    public List<ReportView> history(@PathParam("id") UUID id) {
        return progress.history(id, caller);
    }
}
