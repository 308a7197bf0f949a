package cn.gov.lvliang.renewal.recycling.sites;

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
@Path("/api/recycling/sites")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Collection network · 回收网络")
@RolesAllowed({
    Roles.CITY_ADMIN,
    Roles.DEPARTMENT_OFFICER,
    Roles.AUDITOR,
    Roles.COUNTY_OFFICER,
    Roles.DISMANTLER,
    Roles.RECYCLER,
    Roles.USED_CAR_MARKET,
    Roles.REMANUFACTURER,
    Roles.CASCADE_USER
})
public class SiteResource {

    private final SiteService sites;
    private final Caller caller;

    public SiteResource(SiteService sites, Caller caller) {
        this.sites = sites;
        this.caller = caller;
    }

    @POST
    @RolesAllowed({Roles.CITY_ADMIN, Roles.DEPARTMENT_OFFICER, Roles.COUNTY_OFFICER})
    @Operation(
            operationId = "registerSite",
            summary = "Register a collection site · 登记回收网点",
            description = "A collection point (交投点) links to a transfer station (中转站), a transfer station to a"
                    + " sorting centre (分拣中心); a centre links to none. The operator must be a registered"
                    + " enterprise. County officers register sites in their own county.")
    @APIResponse(
            responseCode = "201",
            description = "Registered",
            content = @Content(schema = @Schema(implementation = SiteView.class)))
    @APIResponse(
            responseCode = "400",
            description = "Invalid fields, unknown operator, missing parent or a parent of the wrong level")
    @APIResponse(responseCode = "403", description = "Another county's site")
    public Response register(@Valid @NotNull RegisterSite request) {
        SiteView site = sites.register(request, caller);
        return Response.created(UriBuilder.fromResource(SiteResource.class)
                        .path(String.valueOf(site.id()))
                        .build())
                .entity(site)
                .build();
    }

    @GET
    @Operation(
            operationId = "listSites",
            summary = "List collection sites · 网点列表",
            description = "All statuses. County officers see their county, an enterprise the sites it operates.")
    @APIResponse(responseCode = "200", description = "One page of sites")
    @APIResponse(responseCode = "400", description = "Invalid filter or paging")
    public Page<SiteView> list(
            @QueryParam("county") @CountyCode String county,
            @QueryParam("level") SiteLevel level,
            @QueryParam("status") SiteStatus status,
            @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("20") @Min(1) @Max(Page.MAX_SIZE) int size) {
        return sites.list(county, level, status, page, size, caller);
    }

    @GET
    @Path("/{id}")
    @Operation(
            operationId = "getSite",
            summary = "Read a collection site · 查询网点",
            description = "Outside the caller's scope answers 404.")
    @APIResponse(
            responseCode = "200",
            description = "Found",
            content = @Content(schema = @Schema(implementation = SiteView.class)))
    public SiteView get(@PathParam("id") long id) {
        return sites.find(id, caller).orElseThrow(() -> Problems.notFound("resource.site", id));
    }

    @PUT
    @Path("/{id}/status")
    @RolesAllowed({Roles.CITY_ADMIN, Roles.DEPARTMENT_OFFICER, Roles.COUNTY_OFFICER})
    @Operation(
            operationId = "changeSiteStatus",
            summary = "Change a site's status · 变更网点状态",
            description = "OPERATING, SUSPENDED or CLOSED (closed sites leave the public listing). Send the version"
                    + " read; a stale one answers 409.")
    @APIResponse(
            responseCode = "200",
            description = "Changed",
            content = @Content(schema = @Schema(implementation = SiteView.class)))
    @APIResponse(responseCode = "409", description = "Stale version")
    public SiteView changeStatus(@PathParam("id") long id, @Valid @NotNull ChangeSiteStatus request) {
        return sites.changeStatus(id, request, caller);
    }
}
