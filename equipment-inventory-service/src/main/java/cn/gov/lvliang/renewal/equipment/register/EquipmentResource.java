package cn.gov.lvliang.renewal.equipment.register;

import cn.gov.lvliang.renewal.equipment.scope.Scopes;
import cn.gov.lvliang.renewal.platform.audit.Audited;
import cn.gov.lvliang.renewal.platform.paging.Page;
import cn.gov.lvliang.renewal.platform.problem.Problems;
import cn.gov.lvliang.renewal.platform.security.Caller;
import cn.gov.lvliang.renewal.platform.security.Roles;
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
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Audited
@Path("/api/equipment/records")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Equipment records · 设备记录")
@RolesAllowed({
    Roles.CITY_ADMIN,
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
public class EquipmentResource {

    private final EquipmentService equipment;
    private final Scopes scopes;
    private final Caller caller;

    public EquipmentResource(EquipmentService equipment, Scopes scopes, Caller caller) {
        this.equipment = equipment;
        this.scopes = scopes;
        this.caller = caller;
    }

    @POST
    @Operation(
            operationId = "registerEquipment",
            summary = "Register equipment · 登记设备",
            description = "Adds an equipment record to a project unit in the caller's scope. Natural key: the unit's"
                    + " credit code and the asset tag. Announced as equipment.registered; the flag rules run at once.")
    @APIResponse(
            responseCode = "201",
            description = "Registered",
            content = @Content(schema = @Schema(implementation = EquipmentView.class)))
    @APIResponse(responseCode = "409", description = "The asset tag exists in this unit · 资产编号已存在")
    public Response register(@Valid @NotNull EquipmentRequest request) {
        EquipmentView view = equipment.register(request, scopes.forWriting(caller), caller.subject());
        return Response.created(UriBuilder.fromResource(EquipmentResource.class)
                        .path(String.valueOf(view.id()))
                        .build())
                .entity(view)
                .build();
    }

    @PUT
    @Path("/{id}")
    @Operation(
            operationId = "changeEquipment",
            summary = "Change equipment · 修改设备",
            description = "Replaces the record's fields (unit and asset tag stay). Send the version you read; a stale"
                    + " version answers 409. Announced as equipment.updated; flags are re-evaluated.")
    @APIResponse(
            responseCode = "200",
            description = "Changed",
            content = @Content(schema = @Schema(implementation = EquipmentView.class)))
    @APIResponse(responseCode = "409", description = "Conflicts with the current state or version · 状态或版本冲突")
    public EquipmentView change(@PathParam("id") long id, @Valid @NotNull EquipmentRequest request) {
        return equipment.change(id, request, scopes.forWriting(caller), caller.subject());
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({
        Roles.CITY_ADMIN, Roles.AUDITOR, Roles.COUNTY_OFFICER, Roles.DEPARTMENT_OFFICER, Roles.DISMANTLER,
        Roles.RECYCLER, Roles.DEALER, Roles.RETAILER, Roles.USED_CAR_MARKET, Roles.REMANUFACTURER,
        Roles.CASCADE_USER
    })
    @Operation(
            operationId = "getEquipment",
            summary = "Read equipment · 查询设备",
            description = "With years in service (derived from the commissioning date) and the active flags, each"
                    + " with its reason and rule version. Out of scope answers 404.")
    @APIResponse(
            responseCode = "200",
            description = "Found",
            content = @Content(schema = @Schema(implementation = EquipmentView.class)))
    public EquipmentView get(@PathParam("id") long id) {
        return equipment.find(id, scopes.of(caller)).orElseThrow(() -> Problems.notFound("resource.equipment", id));
    }

    @GET
    @RolesAllowed({
        Roles.CITY_ADMIN, Roles.AUDITOR, Roles.COUNTY_OFFICER, Roles.DEPARTMENT_OFFICER, Roles.DISMANTLER,
        Roles.RECYCLER, Roles.DEALER, Roles.RETAILER, Roles.USED_CAR_MARKET, Roles.REMANUFACTURER,
        Roles.CASCADE_USER
    })
    @Operation(
            operationId = "listEquipment",
            summary = "List equipment · 设备列表",
            description = "Records in the caller's scope. The lists (status, renewal demand, retirement, …) with"
                    + " their own fields and export are under /api/equipment/lists.")
    @APIResponse(responseCode = "200", description = "One page")
    public Page<EquipmentView> list(
            @QueryParam("unitCreditCode") String unitCreditCode,
            @QueryParam("category") Category category,
            @QueryParam("status") LifecycleStatus status,
            @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("20") @Min(1) @Max(Page.MAX_SIZE) int size) {
        return equipment.list(unitCreditCode, category, status, page, size, scopes.of(caller));
    }

    @GET
    @Path("/{id}/history")
    @RolesAllowed({
        Roles.CITY_ADMIN, Roles.AUDITOR, Roles.COUNTY_OFFICER, Roles.DEPARTMENT_OFFICER, Roles.DISMANTLER,
        Roles.RECYCLER, Roles.DEALER, Roles.RETAILER, Roles.USED_CAR_MARKET, Roles.REMANUFACTURER,
        Roles.CASCADE_USER
    })
    @Operation(
            operationId = "getEquipmentHistory",
            summary = "History of an equipment record · 设备履历",
            description = "Every change: who, when, the action, the lifecycle states and the fields before and after.")
    @APIResponse(responseCode = "200", description = "Oldest first")
    public List<EquipmentService.HistoryView> history(@PathParam("id") long id) {
        return equipment.history(id, scopes.of(caller));
    }

    @POST
    @Path("/{id}/renewal-plan")
    @Operation(
            operationId = "planRenewal",
            summary = "Plan a renewal · 列入更新改造需求清单",
            description = "In service → renewal planned, with the planned investment (fen), target equipment,"
                    + " expected improvement and year. Announced as renewal.investment-planned. Retired or"
                    + " retirement-scheduled equipment answers 409.")
    @APIResponse(
            responseCode = "200",
            description = "Planned",
            content = @Content(schema = @Schema(implementation = EquipmentView.class)))
    @APIResponse(responseCode = "409", description = "Invalid transition or stale version · 状态不允许")
    public EquipmentView planRenewal(@PathParam("id") long id, @Valid @NotNull LifecycleRequests.RenewalPlan plan) {
        return equipment.planRenewal(id, plan, scopes.forWriting(caller), caller.subject());
    }

    @POST
    @Path("/{id}/renewal-completion")
    @Operation(
            operationId = "completeRenewal",
            summary = "Complete a renewal · 更新改造完成",
            description = "Renewal planned → in service, recording the invested amount (fen) and the tier and grade"
                    + " reached. Announced as renewal.investment-completed (tasks-service counts it).")
    @APIResponse(
            responseCode = "200",
            description = "Completed",
            content = @Content(schema = @Schema(implementation = EquipmentView.class)))
    @APIResponse(responseCode = "409", description = "Invalid transition or stale version · 状态不允许")
    public EquipmentView completeRenewal(
            @PathParam("id") long id, @Valid @NotNull LifecycleRequests.RenewalCompletion completion) {
        return equipment.completeRenewal(id, completion, scopes.forWriting(caller), caller.subject());
    }

    @POST
    @Path("/{id}/retirement-schedule")
    @Operation(
            operationId = "scheduleRetirement",
            summary = "Schedule retirement · 列入淘汰清单",
            description = "In service or renewal planned → retirement scheduled, with the retirement standard, legal"
                    + " basis, planned date and replacement. Announced as equipment.retirement-scheduled.")
    @APIResponse(
            responseCode = "200",
            description = "Scheduled",
            content = @Content(schema = @Schema(implementation = EquipmentView.class)))
    @APIResponse(responseCode = "409", description = "Invalid transition or stale version · 状态不允许")
    public EquipmentView scheduleRetirement(
            @PathParam("id") long id, @Valid @NotNull LifecycleRequests.RetirementSchedule schedule) {
        return equipment.scheduleRetirement(id, schedule, scopes.forWriting(caller), caller.subject());
    }

    @POST
    @Path("/{id}/retirement")
    @Operation(
            operationId = "retireEquipment",
            summary = "Retire · 淘汰并处置",
            description = "Retirement scheduled → retired, with the date and disposal (scrapped, remanufactured, sold"
                    + " second-hand, recycled) and optionally the replacement's id. Announced as equipment.retired;"
                    + " recycling-service opens a disposal record. Any other state answers 409.")
    @APIResponse(
            responseCode = "200",
            description = "Retired",
            content = @Content(schema = @Schema(implementation = EquipmentView.class)))
    @APIResponse(responseCode = "409", description = "Invalid transition or stale version · 状态不允许")
    public EquipmentView retire(@PathParam("id") long id, @Valid @NotNull LifecycleRequests.Retirement retirement) {
        return equipment.retire(id, retirement, scopes.forWriting(caller), caller.subject());
    }
}
