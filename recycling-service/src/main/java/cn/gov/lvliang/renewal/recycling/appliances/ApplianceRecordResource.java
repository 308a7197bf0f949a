package cn.gov.lvliang.renewal.recycling.appliances;

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
@Path("/api/recycling/appliance-records")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Appliance recycling · 家电与办公设备回收")
@RolesAllowed({Roles.CITY_ADMIN, Roles.DEPARTMENT_OFFICER, Roles.AUDITOR, Roles.COUNTY_OFFICER, Roles.RECYCLER})
public class ApplianceRecordResource {

    private final ApplianceRecordService records;
    private final Caller caller;

    public ApplianceRecordResource(ApplianceRecordService records, Caller caller) {
        this.records = records;
        this.caller = caller;
    }

    @POST
    @RolesAllowed(Roles.RECYCLER)
    @Operation(
            operationId = "recordApplianceRecycling",
            summary = "Record recycled appliances · 登记家电回收",
            description = "A licensed recycler records items it collected: category, count, weight, source"
                    + " (trade-in collection, door-to-door, collection point, public institution), weights by"
                    + " material. A trade-in collection may link to the subsidy claim; public-institution office"
                    + " equipment (task 43) names the institution. Announced as appliance.recycled.v1.")
    @APIResponse(
            responseCode = "201",
            description = "Recorded",
            content = @Content(schema = @Schema(implementation = ApplianceRecordView.class)))
    @APIResponse(
            responseCode = "400",
            description = "Invalid fields, materials heavier than the total, a claim on a non-trade-in source")
    @APIResponse(responseCode = "403", description = "The caller's enterprise is not registered or not licensed")
    public Response record(@Valid @NotNull RecordApplianceRecycling request) {
        ApplianceRecordView r = records.record(request, caller);
        return Response.created(UriBuilder.fromResource(ApplianceRecordResource.class)
                        .path(r.recordId())
                        .build())
                .entity(r)
                .build();
    }

    @GET
    @Path("/{recordId}")
    @Operation(
            operationId = "getApplianceRecord",
            summary = "Read a record · 查询回收记录",
            description = "Outside the caller's scope answers 404.")
    @APIResponse(
            responseCode = "200",
            description = "Found",
            content = @Content(schema = @Schema(implementation = ApplianceRecordView.class)))
    public ApplianceRecordView get(@PathParam("recordId") String recordId) {
        return records.find(recordId, caller)
                .orElseThrow(() -> Problems.notFound("resource.appliance-record", recordId));
    }

    @GET
    @Operation(
            operationId = "listApplianceRecords",
            summary = "List records · 回收记录列表",
            description = "Filters by county, category, source and trade-in claim.")
    @APIResponse(responseCode = "200", description = "One page of records")
    @APIResponse(responseCode = "400", description = "Invalid filter or paging")
    public Page<ApplianceRecordView> list(
            @QueryParam("county") @CountyCode String county,
            @QueryParam("category") ApplianceCategory category,
            @QueryParam("source") RecyclingSource source,
            @QueryParam("claimId") String claimId,
            @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("20") @Min(1) @Max(Page.MAX_SIZE) int size) {
        return records.list(county, category, source, claimId, page, size, caller);
    }
}
