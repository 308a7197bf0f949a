package cn.gov.lvliang.renewal.equipment.units;

import cn.gov.lvliang.renewal.equipment.scope.Scope;
import cn.gov.lvliang.renewal.equipment.scope.Scopes;
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
@Path("/api/equipment/units")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Project units · 项目单位")
@RolesAllowed({
    Roles.CITY_ADMIN,
    Roles.AUDITOR,
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
public class ProjectUnitResource {

    private final ProjectUnitService units;
    private final Scopes scopes;
    private final Caller caller;

    public ProjectUnitResource(ProjectUnitService units, Scopes scopes, Caller caller) {
        this.units = units;
        this.scopes = scopes;
        this.caller = caller;
    }

    @POST
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
    @Operation(
            operationId = "registerProjectUnit",
            summary = "Register a project unit · 登记项目单位",
            description = "An enterprise, hospital, school, public institution or operator, identified by its credit"
                    + " code (GB 32100 check character verified), or a natural person (type PERSON, 农户/个人),"
                    + " identified by a resident ID number (GB 11643) and given a unit code (ZR + county + 10"
                    + " digits) that equipment records name as unitCreditCode. A person's name and ID number are"
                    + " stored encrypted (the ID number also as a keyed hash) and shown masked; registering the"
                    + " same ID number again answers the existing unit (200). The contact's name and phone are"
                    + " stored encrypted and shown masked. An enterprise registers only itself, a county officer"
                    + " only units of its county.")
    @APIResponse(
            responseCode = "201",
            description = "Registered",
            content = @Content(schema = @Schema(implementation = UnitView.class)))
    @APIResponse(
            responseCode = "200",
            description = "The person (same ID number) is registered already: that unit",
            content = @Content(schema = @Schema(implementation = UnitView.class)))
    @APIResponse(responseCode = "409", description = "The credit code is registered · 单位已登记")
    public Response register(@Valid @NotNull UnitRequest request) {
        ProjectUnitService.Registered registered = units.register(request, scopes.forWriting(caller));
        UnitView unit = registered.unit();
        if (!registered.created()) {
            return Response.ok(unit).build();
        }
        return Response.created(UriBuilder.fromResource(ProjectUnitResource.class)
                        .path(String.valueOf(unit.id()))
                        .build())
                .entity(unit)
                .build();
    }

    @PUT
    @Path("/{id}")
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
    @Operation(
            operationId = "changeProjectUnit",
            summary = "Change a project unit · 修改项目单位",
            description = "Replaces the unit's fields; the credit code cannot change. Send the version you read: a"
                    + " stale version answers 409.")
    @APIResponse(
            responseCode = "200",
            description = "Changed",
            content = @Content(schema = @Schema(implementation = UnitView.class)))
    @APIResponse(responseCode = "409", description = "Conflicts with the current state or version · 状态或版本冲突")
    public UnitView change(@PathParam("id") long id, @Valid @NotNull UnitRequest request) {
        return units.change(id, request, scopes.forWriting(caller));
    }

    @GET
    @Path("/{id}")
    @Operation(
            operationId = "getProjectUnit",
            summary = "Read a project unit · 查询项目单位",
            description = "Contact masked. Out of scope answers 404.")
    @APIResponse(
            responseCode = "200",
            description = "Found",
            content = @Content(schema = @Schema(implementation = UnitView.class)))
    public UnitView get(@PathParam("id") long id) {
        return units.find(id, scopes.of(caller)).orElseThrow(() -> Problems.notFound("resource.project-unit", id));
    }

    @GET
    @Operation(
            operationId = "listProjectUnits",
            summary = "List project units · 项目单位列表",
            description = "Units within the caller's scope, filtered by county, sector, type or a name/credit-code"
                    + " fragment.")
    @APIResponse(responseCode = "200", description = "One page")
    public Page<UnitView> list(
            @QueryParam("county") @CountyCode String county,
            @QueryParam("sector") String sector,
            @QueryParam("type") UnitType type,
            @QueryParam("q") String q,
            @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("20") @Min(1) @Max(Page.MAX_SIZE) int size) {
        Scope scope = scopes.of(caller);
        return units.list(county, sector, type, q, page, size, scope);
    }
}
