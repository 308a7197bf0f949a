package cn.gov.lvliang.renewal.tasks.dashboard;

import cn.gov.lvliang.renewal.platform.audit.Audited;
import cn.gov.lvliang.renewal.platform.security.Caller;
import cn.gov.lvliang.renewal.platform.security.Roles;
import cn.gov.lvliang.renewal.tasks.dashboard.DashboardService.Dashboard;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Audited
@Path("/api/tasks/dashboard")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Dashboard · 看板")
public class DashboardResource {

    private final DashboardService dashboards;
    private final Caller caller;

    public DashboardResource(DashboardService dashboards, Caller caller) {
        this.dashboards = dashboards;
        this.caller = caller;
    }

    @GET
    @Path("/city")
    @RolesAllowed({Roles.CITY_ADMIN, Roles.AUDITOR, Roles.STATISTICS_BUREAU, Roles.SYSTEM_CLIENT})
    @Operation(
            operationId = "getCityDashboard",
            summary = "City summary · 全市总览",
            description = "Assignments of the current plans by state, overdue ones (also per county), open supervision"
                    + " notices, and every indicator's progress for the city.")
    @APIResponse(
            responseCode = "200",
            description = "The summary",
            content = @Content(schema = @Schema(implementation = Dashboard.class)))
    public Dashboard city() {
        return dashboards.city();
    }

    @GET
    @Path("/counties/{code}")
    @RolesAllowed({Roles.CITY_ADMIN, Roles.AUDITOR, Roles.COUNTY_OFFICER, Roles.STATISTICS_BUREAU, Roles.SYSTEM_CLIENT})
    @Operation(
            operationId = "getCountyDashboard",
            summary = "A county's dashboard · 县级看板",
            description = "A county officer reads its own county only; another county answers 404.")
    @APIResponse(
            responseCode = "200",
            description = "The dashboard",
            content = @Content(schema = @Schema(implementation = Dashboard.class)))
    public Dashboard county(@PathParam("code") String code) {
        return dashboards.county(code, caller);
    }

    @GET
    @Path("/departments/{code}")
    @RolesAllowed({
        Roles.CITY_ADMIN,
        Roles.AUDITOR,
        Roles.DEPARTMENT_OFFICER,
        Roles.STATISTICS_BUREAU,
        Roles.SYSTEM_CLIENT
    })
    @Operation(
            operationId = "getDepartmentDashboard",
            summary = "A department's dashboard · 部门看板",
            description = "The department's own assignments and the counties' assignments of the tasks it leads. A"
                    + " department officer reads its own department only.")
    @APIResponse(
            responseCode = "200",
            description = "The dashboard",
            content = @Content(schema = @Schema(implementation = Dashboard.class)))
    public Dashboard department(@PathParam("code") String code) {
        return dashboards.department(code, caller);
    }
}
