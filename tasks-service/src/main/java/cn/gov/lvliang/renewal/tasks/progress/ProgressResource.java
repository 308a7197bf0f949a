package cn.gov.lvliang.renewal.tasks.progress;

import cn.gov.lvliang.renewal.platform.audit.Audited;
import cn.gov.lvliang.renewal.platform.security.Caller;
import cn.gov.lvliang.renewal.platform.security.Roles;
import cn.gov.lvliang.renewal.tasks.progress.ProgressService.ReportView;
import cn.gov.lvliang.renewal.tasks.progress.ProgressService.Review;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Audited
@Path("/api/tasks")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Progress reports · 进展报告")
public class ProgressResource {

    private final ProgressService progress;
    private final Caller caller;

    public ProgressResource(ProgressService progress, Caller caller) {
        this.progress = progress;
        this.caller = caller;
    }

    @POST
    @Path("/progress-reports/{id}/review")
    @RolesAllowed({Roles.CITY_ADMIN, Roles.DEPARTMENT_OFFICER})
    @Operation(
            operationId = "reviewProgressReport",
            summary = "Review a progress report · 审核进展报告",
            description = "A lead department of the task accepts a county's report or returns it with a comment; the"
                    + " city reviews a department's own reports.")
    @APIResponse(
            responseCode = "200",
            description = "Reviewed",
            content = @Content(schema = @Schema(implementation = ReportView.class)))
    @APIResponse(responseCode = "403", description = "Not a lead department of the task")
    @APIResponse(responseCode = "404", description = "Unknown report, or outside the caller's scope")
    @APIResponse(responseCode = "409", description = "Already reviewed, or a stale version")
    public ReportView review(@PathParam("id") UUID id, @Valid @NotNull Review request) {
        return progress.review(id, request, caller);
    }
}
