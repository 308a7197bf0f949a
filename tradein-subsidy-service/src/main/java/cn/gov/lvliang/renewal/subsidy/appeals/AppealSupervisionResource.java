package cn.gov.lvliang.renewal.subsidy.appeals;

import cn.gov.lvliang.renewal.platform.audit.Audited;
import cn.gov.lvliang.renewal.platform.security.Caller;
import cn.gov.lvliang.renewal.platform.security.Roles;
import cn.gov.lvliang.renewal.subsidy.appeals.AppealViews.AppealPage;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Appeals under supervision (复核督办): the list, with the overdue filter. */
@Audited
@Path("/api/subsidies/appeals")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Appeals · 复核")
public class AppealSupervisionResource {

    private final AppealService appeals;
    private final Caller caller;

    public AppealSupervisionResource(AppealService appeals, Caller caller) {
        this.appeals = appeals;
        this.caller = caller;
    }

    @GET
    @RolesAllowed({Roles.REVIEWER, Roles.CITY_ADMIN, Roles.AUDITOR})
    @Operation(
            operationId = "listAppeals",
            summary = "List appeals · 复核列表",
            description = "For supervision: a county reviewer its county, city-wide reviewers, city admins and"
                    + " auditors all; oldest due first. overdue=true: undecided past the 15-day due date"
                    + " (复核超时; also the gauge subsidy_appeals_overdue).")
    @APIResponse(
            responseCode = "200",
            description = "A page of appeals",
            content = @Content(schema = @Schema(implementation = AppealPage.class)))
    @APIResponse(responseCode = "400", description = "Invalid paging or filter")
    public AppealPage list(
            @QueryParam("status") Appeal.Status status,
            @QueryParam("overdue") Boolean overdue,
            @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("20") @Min(1) @Max(200) int size) {
        return appeals.list(caller, status, overdue, page, size);
    }
}
