package cn.gov.lvliang.renewal.tasks.assignments;

import cn.gov.lvliang.renewal.platform.audit.Audited;
import cn.gov.lvliang.renewal.platform.paging.Page;
import cn.gov.lvliang.renewal.platform.security.Caller;
import cn.gov.lvliang.renewal.platform.security.Roles;
import cn.gov.lvliang.renewal.tasks.assignments.AssignmentViews.AssignmentView;
import cn.gov.lvliang.renewal.tasks.assignments.AssignmentViews.DueDateRequest;
import cn.gov.lvliang.renewal.tasks.assignments.AssignmentViews.HistoryEntry;
import cn.gov.lvliang.renewal.tasks.assignments.AssignmentViews.ReassignmentRequest;
import cn.gov.lvliang.renewal.tasks.assignments.AssignmentViews.TransitionRequest;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Audited
@Path("/api/tasks/assignments")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Assignments · 任务分派")
@RolesAllowed({
    Roles.CITY_ADMIN,
    Roles.AUDITOR,
    Roles.DEPARTMENT_OFFICER,
    Roles.COUNTY_OFFICER,
    Roles.STATISTICS_BUREAU,
    Roles.SYSTEM_CLIENT
})
public class AssignmentResource {

    private final AssignmentService assignments;
    private final Caller caller;

    public AssignmentResource(AssignmentService assignments, Caller caller) {
        this.assignments = assignments;
        this.caller = caller;
    }

    @GET
    @Operation(
            operationId = "listAssignments",
            summary = "List assignments · 任务分派列表",
            description = "Of the current plan versions unless `planId` is given. A county officer sees its county's"
                    + " assignments only; a department officer those of the tasks its department leads. `overdue=true`"
                    + " answers \"what is overdue for me\": open and past the due date.")
    @APIResponse(responseCode = "200", description = "A page of assignments")
    public Page<AssignmentView> list(
            @QueryParam("planId") UUID planId,
            @QueryParam("taskNumber") Integer taskNumber,
            @QueryParam("status") AssignmentStatus status,
            @QueryParam("county") String county,
            @QueryParam("department") String department,
            @QueryParam("overdue") Boolean overdue,
            @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("20") @Min(1) @Max(200) int size) {
        return assignments.list(
                new AssignmentService.Filter(planId, taskNumber, status, county, department, overdue),
                caller,
                page,
                size);
    }

    @GET
    @Path("/{id}")
    @Operation(
            operationId = "getAssignment",
            summary = "Read an assignment · 查询任务分派",
            description = "Outside the caller's scope: 404.")
    @APIResponse(
            responseCode = "200",
            description = "Found",
            content = @Content(schema = @Schema(implementation = AssignmentView.class)))
    public AssignmentView get(@PathParam("id") UUID id) {
        return assignments.get(id, caller);
    }

    @GET
    @Path("/{id}/history")
    @Operation(
            operationId = "getAssignmentHistory",
            summary = "An assignment's history · 办理记录",
            description = "Every move, oldest first.")
    @APIResponse(responseCode = "200", description = "The history")
    public List<HistoryEntry> history(@PathParam("id") UUID id) {
        return assignments.history(id, caller);
    }

    @POST
    @Path("/{id}/transitions")
    @RolesAllowed({Roles.CITY_ADMIN, Roles.DEPARTMENT_OFFICER, Roles.COUNTY_OFFICER})
    @Operation(
            operationId = "transitionAssignment",
            summary = "Move an assignment · 办理任务分派",
            description = "The assignee (the county, or the department) accepts, starts, blocks, unblocks, requests"
                    + " completion and resumes; a lead department of the task (or the city) confirms completion or"
                    + " returns it with a comment. For a department's own assignment the city confirms.")
    @APIResponse(
            responseCode = "200",
            description = "Moved",
            content = @Content(schema = @Schema(implementation = AssignmentView.class)))
    @APIResponse(responseCode = "400", description = "Invalid request (a return needs a comment)")
    @APIResponse(responseCode = "403", description = "In scope, but not the assignee or a reviewer")
    @APIResponse(responseCode = "409", description = "Not allowed in the current state, or a stale version")
    public AssignmentView transition(@PathParam("id") UUID id, @Valid @NotNull TransitionRequest request) {
        return assignments.transition(id, request.action(), request.comment(), request.version(), caller);
    }

    @POST
    @Path("/{id}/reassignments")
    @RolesAllowed(Roles.CITY_ADMIN)
    @Operation(
            operationId = "reassignAssignment",
            summary = "Reassign an assignment · 改派任务",
            description = "The city gives an open assignment to another department (`departmentCode`) or county"
                    + " (`countyCode`), with a reason. State, reports, due date and history stay with the"
                    + " assignment; the history and the audit trail record who, when, from whom to whom and why.")
    @APIResponse(
            responseCode = "200",
            description = "Reassigned",
            content = @Content(schema = @Schema(implementation = AssignmentView.class)))
    @APIResponse(responseCode = "400", description = "No reason, not exactly one assignee, or an unknown one")
    @APIResponse(responseCode = "404", description = "Unknown assignment")
    @APIResponse(
            responseCode = "409",
            description = "A stale version, a closed assignment, or the new assignee has one for the task already")
    public AssignmentView reassign(@PathParam("id") UUID id, @Valid @NotNull ReassignmentRequest request) {
        return assignments.reassign(
                id,
                blankToNull(request.departmentCode()),
                blankToNull(request.countyCode()),
                request.reason(),
                request.version(),
                caller);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    @PUT
    @Path("/{id}/due-date")
    @RolesAllowed(Roles.CITY_ADMIN)
    @Operation(
            operationId = "setAssignmentDueDate",
            summary = "Set the due date · 设定完成时限",
            description = "The city sets a due date where the text gives none (or overrides the milestone).")
    @APIResponse(
            responseCode = "200",
            description = "Set",
            content = @Content(schema = @Schema(implementation = AssignmentView.class)))
    @APIResponse(responseCode = "404", description = "Unknown assignment")
    @APIResponse(responseCode = "409", description = "Stale version")
    public AssignmentView setDueDate(@PathParam("id") UUID id, @Valid @NotNull DueDateRequest request) {
        return assignments.setDueDate(id, request.dueDate(), request.version(), caller);
    }

    @PUT
    @Path("/by-task/{taskId}/due-date")
    @RolesAllowed(Roles.CITY_ADMIN)
    @Operation(
            operationId = "setTaskDueDate",
            summary = "Set a task's due date · 设定任务完成时限",
            description = "The city sets the due date of every open assignment of a task at once.")
    @APIResponse(responseCode = "200", description = "The number of assignments changed")
    @APIResponse(responseCode = "404", description = "Unknown task")
    public java.util.Map<String, Integer> setTaskDueDate(
            @PathParam("taskId") UUID taskId, @Valid @NotNull TaskDueDateRequest request) {
        return java.util.Map.of("updated", assignments.setTaskDueDate(taskId, request.dueDate()));
    }

    @Schema(name = "TaskDueDateRequest", description = "A due date for all open assignments of a task")
    public record TaskDueDateRequest(
            @NotNull @Schema(example = "2025-06-30") java.time.LocalDate dueDate) {}
}
