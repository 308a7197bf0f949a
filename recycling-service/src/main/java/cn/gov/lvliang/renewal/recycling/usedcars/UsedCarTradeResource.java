package cn.gov.lvliang.renewal.recycling.usedcars;

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
@Path("/api/recycling/used-car-trades")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Used-car trades · 二手车交易")
@RolesAllowed({
    Roles.CITY_ADMIN,
    Roles.DEPARTMENT_OFFICER,
    Roles.AUDITOR,
    Roles.COUNTY_OFFICER,
    Roles.USED_CAR_MARKET,
    Roles.DEALER
})
public class UsedCarTradeResource {

    private final UsedCarTradeService trades;
    private final Caller caller;

    public UsedCarTradeResource(UsedCarTradeService trades, Caller caller) {
        this.trades = trades;
        this.caller = caller;
    }

    @POST
    @RolesAllowed({Roles.USED_CAR_MARKET, Roles.DEALER})
    @Operation(
            operationId = "recordUsedCarTrade",
            summary = "Record a used-car trade · 登记二手车交易",
            description = "A used-car market or dealer registered with a valid qualification records a trade. Flags:"
                    + " cross-region (the area codes lie in different cities), export (task 45), zero-mileage"
                    + " (traded within suite.recycling.zero-mileage-days, default 30, of first registration)."
                    + " Announced as used-car.traded.v1.")
    @APIResponse(
            responseCode = "201",
            description = "Recorded",
            content = @Content(schema = @Schema(implementation = UsedCarTradeView.class)))
    @APIResponse(responseCode = "400", description = "Invalid fields (VIN check digit, dates, area codes)")
    @APIResponse(responseCode = "403", description = "Not a qualified used-car market")
    public Response record(@Valid @NotNull RecordUsedCarTrade request) {
        UsedCarTradeView trade = trades.record(request, caller);
        return Response.created(UriBuilder.fromResource(UsedCarTradeResource.class)
                        .path(trade.tradeId())
                        .build())
                .entity(trade)
                .build();
    }

    @GET
    @Path("/{tradeId}")
    @Operation(
            operationId = "getUsedCarTrade",
            summary = "Read a trade · 查询交易",
            description = "Outside the caller's scope answers 404.")
    @APIResponse(
            responseCode = "200",
            description = "Found",
            content = @Content(schema = @Schema(implementation = UsedCarTradeView.class)))
    public UsedCarTradeView get(@PathParam("tradeId") String tradeId) {
        return trades.find(tradeId, caller).orElseThrow(() -> Problems.notFound("resource.used-car-trade", tradeId));
    }

    @GET
    @Operation(
            operationId = "listUsedCarTrades",
            summary = "List trades · 交易列表",
            description = "Filters by county, VIN and the flags (zeroMileage, export, crossRegion).")
    @APIResponse(responseCode = "200", description = "One page of trades")
    @APIResponse(responseCode = "400", description = "Invalid filter or paging")
    public Page<UsedCarTradeView> list(
            @QueryParam("county") @CountyCode String county,
            @QueryParam("vin") String vin,
            @QueryParam("zeroMileage") Boolean zeroMileage,
            @QueryParam("export") Boolean export,
            @QueryParam("crossRegion") Boolean crossRegion,
            @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("20") @Min(1) @Max(Page.MAX_SIZE) int size) {
        return trades.list(county, vin, zeroMileage, export, crossRegion, page, size, caller);
    }
}
