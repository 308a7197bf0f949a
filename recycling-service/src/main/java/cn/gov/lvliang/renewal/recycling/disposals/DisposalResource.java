package cn.gov.lvliang.renewal.recycling.disposals;

import cn.gov.lvliang.renewal.platform.audit.Audited;
import cn.gov.lvliang.renewal.platform.identifiers.CountyCode;
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
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Audited
@Path("/api/recycling/disposals")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Disposals · 淘汰设备处置")
@RolesAllowed({
    Roles.CITY_ADMIN,
    Roles.DEPARTMENT_OFFICER,
    Roles.AUDITOR,
    Roles.COUNTY_OFFICER,
    Roles.DISMANTLER,
    Roles.RECYCLER,
    Roles.REMANUFACTURER,
    Roles.USED_CAR_MARKET
})
public class DisposalResource {

    private final DisposalService disposals;
    private final Caller caller;

    public DisposalResource(DisposalService disposals, Caller caller) {
        this.disposals = disposals;
        this.caller = caller;
    }

    @GET
    @Operation(
            operationId = "listDisposals",
            summary = "List disposal records · 处置记录列表",
            description = "Records opened from equipment-inventory-service's retirement events. County officers see"
                    + " their county, an enterprise the disposals it handled.")
    @APIResponse(responseCode = "200", description = "One page of records")
    @APIResponse(responseCode = "400", description = "Invalid filter or paging")
    public Page<DisposalView> list(
            @QueryParam("county") @CountyCode String county,
            @QueryParam("status") DisposalRecord.Status status,
            @QueryParam("equipmentId") String equipmentId,
            @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("20") @Min(1) @Max(Page.MAX_SIZE) int size) {
        return disposals.list(county, status, equipmentId, page, size, caller);
    }

    @GET
    @Path("/{id}")
    @Operation(
            operationId = "getDisposal",
            summary = "Read a disposal record · 查询处置记录",
            description = "Outside the caller's scope answers 404.")
    @APIResponse(
            responseCode = "200",
            description = "Found",
            content = @Content(schema = @Schema(implementation = DisposalView.class)))
    public DisposalView get(@PathParam("id") long id) {
        return disposals.find(id, caller).orElseThrow(() -> Problems.notFound("resource.disposal", id));
    }

    @POST
    @Path("/{id}/outcome")
    @RolesAllowed({Roles.CITY_ADMIN, Roles.COUNTY_OFFICER})
    @Operation(
            operationId = "closeDisposal",
            summary = "Close with the outcome · 登记处置结果",
            description = "Scrapped, remanufactured or sold second-hand, by which registered enterprise, on which"
                    + " date (not before the retirement), with weights by material when scrapped. A closed record"
                    + " never changes.")
    @APIResponse(
            responseCode = "200",
            description = "Closed",
            content = @Content(schema = @Schema(implementation = DisposalView.class)))
    @APIResponse(responseCode = "400", description = "Invalid fields, unknown enterprise, impossible date")
    @APIResponse(responseCode = "404", description = "Unknown, or outside the caller's county")
    @APIResponse(responseCode = "409", description = "Closed already")
    public DisposalView close(@PathParam("id") long id, @Valid @NotNull CloseDisposal request) {
        return disposals.close(id, request, caller);
    }
}
