package cn.gov.lvliang.renewal.recycling.batteries;

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
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Audited
@Path("/api/recycling/batteries")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Battery traceability · 动力电池溯源")
@RolesAllowed({
    Roles.CITY_ADMIN,
    Roles.DEPARTMENT_OFFICER,
    Roles.AUDITOR,
    Roles.COUNTY_OFFICER,
    Roles.DISMANTLER,
    Roles.CASCADE_USER,
    Roles.RECYCLER,
    Roles.REMANUFACTURER
})
public class BatteryResource {

    private final BatteryService batteries;
    private final Caller caller;

    public BatteryResource(BatteryService batteries, Caller caller) {
        this.batteries = batteries;
        this.caller = caller;
    }

    @POST
    @RolesAllowed({Roles.DISMANTLER, Roles.CASCADE_USER, Roles.RECYCLER, Roles.REMANUFACTURER})
    @Operation(
            operationId = "registerBatteryPack",
            summary = "Register a battery pack · 登记动力电池包",
            description = "A licensed enterprise (normally the dismantler) records a pack taken from a scrapped"
                    + " vehicle: GB/T 34014 pack code, source VIN, state of health. It becomes the holder; the"
                    + " chain of custody starts at receivedAt.")
    @APIResponse(
            responseCode = "201",
            description = "Registered",
            content = @Content(schema = @Schema(implementation = BatteryView.class)))
    @APIResponse(responseCode = "403", description = "The caller's enterprise is not registered or not licensed today")
    @APIResponse(responseCode = "409", description = "The pack code exists")
    public Response register(@Valid @NotNull BatteryRequests.Register request) {
        BatteryView pack = batteries.register(request, caller);
        return Response.created(UriBuilder.fromResource(BatteryResource.class)
                        .path(pack.packCode())
                        .build())
                .entity(pack)
                .build();
    }

    @POST
    @Path("/{packCode}/handovers")
    @RolesAllowed({Roles.DISMANTLER, Roles.CASCADE_USER, Roles.RECYCLER, Roles.REMANUFACTURER})
    @Operation(
            operationId = "handOverBatteryPack",
            summary = "Hand a pack over · 移交",
            description = "Only the current holder hands over (else 409 not-the-holder). The signing time may not"
                    + " precede the previous signature (else 400 naming handedOverAt). The link is stored with"
                    + " SHA-256 over the previous signature and its content. Announced as"
                    + " battery.handed-over.v1.")
    @APIResponse(
            responseCode = "200",
            description = "Handed over: the pack with its chain",
            content = @Content(schema = @Schema(implementation = BatteryView.class)))
    @APIResponse(
            responseCode = "400",
            description = "Back-dated or future time, unknown recipient, handover to oneself")
    @APIResponse(responseCode = "404", description = "Unknown pack")
    @APIResponse(
            responseCode = "409",
            description = "The caller does not hold the pack, or its record is closed (waste, repurposed)")
    public BatteryView handOver(
            @PathParam("packCode") String packCode, @Valid @NotNull BatteryRequests.HandOver request) {
        return batteries.handOver(packCode, request, caller);
    }

    @POST
    @Path("/{packCode}/repurposing")
    @RolesAllowed({Roles.CASCADE_USER, Roles.REMANUFACTURER})
    @Operation(
            operationId = "repurposeBatteryPack",
            summary = "Repurpose a pack · 梯次利用重组",
            description = "The holder makes a new pack from this one: a new record with its own code and status"
                    + " REPURPOSED, linking to the original, which is closed and points to the new one.")
    @APIResponse(
            responseCode = "201",
            description = "The new pack",
            content = @Content(schema = @Schema(implementation = BatteryView.class)))
    @APIResponse(responseCode = "409", description = "Not the holder, closed record, or the new code exists")
    public Response repurpose(
            @PathParam("packCode") String packCode, @Valid @NotNull BatteryRequests.Repurpose request) {
        BatteryView pack = batteries.repurpose(packCode, request, caller);
        return Response.created(UriBuilder.fromResource(BatteryResource.class)
                        .path(pack.packCode())
                        .build())
                .entity(pack)
                .build();
    }

    @PUT
    @Path("/{packCode}/status")
    @RolesAllowed({Roles.DISMANTLER, Roles.CASCADE_USER, Roles.RECYCLER, Roles.REMANUFACTURER})
    @Operation(
            operationId = "changeBatteryPackStatus",
            summary = "Change a pack's status · 变更电池包状态",
            description = "The holder sets REUSED, REMANUFACTURED or WASTE; WASTE is final. REPURPOSED is only"
                    + " reached by repurposing (a new record).")
    @APIResponse(
            responseCode = "200",
            description = "Changed",
            content = @Content(schema = @Schema(implementation = BatteryView.class)))
    @APIResponse(responseCode = "409", description = "Not the holder, or a transition the status does not allow")
    public BatteryView changeStatus(
            @PathParam("packCode") String packCode, @Valid @NotNull BatteryRequests.ChangeStatus request) {
        return batteries.changeStatus(packCode, request, caller);
    }

    @GET
    @Path("/{packCode}")
    @Operation(
            operationId = "getBatteryPack",
            summary = "Read a pack and its chain · 查询电池包及移交链",
            description = "The full chain of custody in order, with signatures and whether they all recompute. An"
                    + " enterprise reads packs it holds, registered, handed over or received; a county officer"
                    + " those registered in its county.")
    @APIResponse(
            responseCode = "200",
            description = "Found",
            content = @Content(schema = @Schema(implementation = BatteryView.class)))
    public BatteryView get(@PathParam("packCode") String packCode) {
        return batteries.find(packCode, caller).orElseThrow(() -> Problems.notFound("resource.battery", packCode));
    }

    @GET
    @Operation(
            operationId = "listBatteryPacks",
            summary = "List battery packs · 电池包列表",
            description = "Filters by status, holder and source VIN.")
    @APIResponse(responseCode = "200", description = "One page of packs")
    @APIResponse(responseCode = "400", description = "Invalid paging")
    public Page<BatteryView> list(
            @QueryParam("status") BatteryStatus status,
            @QueryParam("holder") String holder,
            @QueryParam("sourceVin") String sourceVin,
            @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("20") @Min(1) @Max(Page.MAX_SIZE) int size) {
        return batteries.list(status, holder, sourceVin, page, size, caller);
    }
}
