package cn.gov.lvliang.renewal.tasks.supervision;

import cn.gov.lvliang.renewal.platform.audit.Audited;
import cn.gov.lvliang.renewal.platform.security.Caller;
import cn.gov.lvliang.renewal.platform.security.Roles;
import cn.gov.lvliang.renewal.tasks.assignments.AssignmentService;
import cn.gov.lvliang.renewal.tasks.assignments.AssignmentViews.AssignmentView;
import cn.gov.lvliang.renewal.tasks.supervision.SupervisionService.NoticeView;
import cn.gov.lvliang.renewal.tasks.supervision.SupervisionService.RunResult;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Audited
@Path("/api/tasks/supervision")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Supervision · 督办")
@RolesAllowed({Roles.CITY_ADMIN, Roles.AUDITOR, Roles.DEPARTMENT_OFFICER, Roles.COUNTY_OFFICER})
public class SupervisionResource {

    private final SupervisionService supervision;
    private final AssignmentService assignments;
    private final Caller caller;

    public SupervisionResource(SupervisionService supervision, AssignmentService assignments, Caller caller) {
        this.supervision = supervision;
        this.assignments = assignments;
        this.caller = caller;
    }

    @Schema(name = "OverdueWork", description = "我的逾期事项 / what is overdue for the caller's department or county")
    public record Overdue(List<AssignmentView> assignments, long total, List<NoticeView> openNotices) {}

    @GET
    @Path("/overdue")
    @Operation(
            operationId = "listOverdueItems",
            summary = "What is overdue for me · 我的逾期事项",
            description = "Open assignments past their due date and the open supervision notices, within the caller's"
                    + " scope: a county officer's county, a department officer's tasks, everything for the city.")
    @APIResponse(
            responseCode = "200",
            description = "Overdue work",
            content = @Content(schema = @Schema(implementation = Overdue.class)))
    public Overdue overdue() {
        var page = assignments.list(new AssignmentService.Filter(null, null, null, null, null, true), caller, 0, 200);
        return new Overdue(page.items(), page.total(), supervision.notices(caller, SupervisionNotice.Status.OPEN));
    }

    @GET
    @Path("/notices")
    @Operation(
            operationId = "listSupervisionNotices",
            summary = "Supervision notices · 督办通知",
            description = "Within the caller's scope; `status` filters.")
    @APIResponse(responseCode = "200", description = "Notices, newest first")
    public List<NoticeView> notices(@QueryParam("status") SupervisionNotice.Status status) {
        return supervision.notices(caller, status);
    }

    @POST
    @Path("/runs")
    @RolesAllowed(Roles.CITY_ADMIN)
    @Operation(
            operationId = "runSupervision",
            summary = "Run supervision now · 立即督办巡查",
            description = "What the scheduled job (tasks.supervision.cron) does: flag overdue assignments and missing"
                    + " monthly reports, escalate notices open longer than tasks.supervision.escalate-after-days, resolve"
                    + " the ones whose cause is gone.")
    @APIResponse(
            responseCode = "200",
            description = "The run's outcome",
            content = @Content(schema = @Schema(implementation = RunResult.class)))
    public RunResult run() {
        return supervision.run();
    }
}
