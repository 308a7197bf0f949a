package cn.gov.lvliang.renewal.recycling.remanufacturing;

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
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Audited
@Path("/api/recycling/remanufacturing-records")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Remanufacturing · 再制造")
@RolesAllowed({Roles.CITY_ADMIN, Roles.DEPARTMENT_OFFICER, Roles.AUDITOR, Roles.COUNTY_OFFICER, Roles.REMANUFACTURER})
public class RemanufacturingResource {

    private final RemanufacturingService records;
    private final Caller caller;

    public RemanufacturingResource(RemanufacturingService records, Caller caller) {
        this.records = records;
        this.caller = caller;
    }

    @POST
    @RolesAllowed(Roles.REMANUFACTURER)
    @Operation(
            operationId = "recordRemanufacturing",
            summary = "Record a remanufactured product · 登记再制造",
            description = "A qualified remanufacturer records the source equipment, the product and its quality"
                    + " certification, with material weights.")
    @APIResponse(
            responseCode = "201",
            description = "Recorded",
            content = @Content(schema = @Schema(implementation = RemanufacturingView.class)))
    @APIResponse(responseCode = "403", description = "Not a qualified remanufacturer")
    public Response record(@Valid @NotNull RecordRemanufacturing request) {
        RemanufacturingView r = records.record(request, caller);
        return Response.created(UriBuilder.fromResource(RemanufacturingResource.class)
                        .path(r.recordId())
                        .build())
                .entity(r)
                .build();
    }

    @GET
    @Path("/{recordId}")
    @Operation(
            operationId = "getRemanufacturingRecord",
            summary = "Read a remanufacturing record · 查询再制造记录",
            description = "Outside scope: 404.")
    @APIResponse(
            responseCode = "200",
            description = "Found",
            content = @Content(schema = @Schema(implementation = RemanufacturingView.class)))
    public RemanufacturingView get(@PathParam("recordId") String recordId) {
        return records.find(recordId, caller)
                .orElseThrow(() -> Problems.notFound("resource.remanufacturing", recordId));
    }

    @GET
    @Operation(
            operationId = "listRemanufacturingRecords",
            summary = "List remanufacturing records · 再制造记录列表",
            description = "Filter by county.")
    @APIResponse(responseCode = "200", description = "One page of records")
    @APIResponse(responseCode = "400", description = "Invalid filter or paging")
    public Page<RemanufacturingView> list(
            @QueryParam("county") @CountyCode String county,
            @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("20") @Min(1) @Max(Page.MAX_SIZE) int size) {
        return records.list(county, page, size, caller);
    }
}
