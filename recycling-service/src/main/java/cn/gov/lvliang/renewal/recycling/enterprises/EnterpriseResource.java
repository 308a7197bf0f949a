package cn.gov.lvliang.renewal.recycling.enterprises;

import cn.gov.lvliang.renewal.platform.audit.Audited;
import cn.gov.lvliang.renewal.platform.identifiers.CountyCode;
import cn.gov.lvliang.renewal.platform.paging.Page;
import cn.gov.lvliang.renewal.platform.problem.Problems;
import cn.gov.lvliang.renewal.platform.security.Caller;
import cn.gov.lvliang.renewal.platform.security.Roles;
import cn.gov.lvliang.renewal.recycling.RecyclingConfig;
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
@Path("/api/recycling/enterprises")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Enterprises · 回收企业与资质")
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
public class EnterpriseResource {

    private final EnterpriseService enterprises;
    private final RecyclingConfig config;
    private final Caller caller;

    public EnterpriseResource(EnterpriseService enterprises, RecyclingConfig config, Caller caller) {
        this.enterprises = enterprises;
        this.config = config;
        this.caller = caller;
    }

    @POST
    @RolesAllowed({Roles.CITY_ADMIN, Roles.DEPARTMENT_OFFICER})
    @Operation(
            operationId = "registerEnterprise",
            summary = "Register an enterprise · 登记回收企业",
            description = "Registers a licensed enterprise and its qualification (licence number, scope, validity,"
                    + " status). The contact person is stored encrypted and never published. Announced as"
                    + " enterprise.qualification-changed.v1.")
    @APIResponse(
            responseCode = "201",
            description = "Registered",
            content = @Content(schema = @Schema(implementation = EnterpriseView.class)))
    @APIResponse(responseCode = "400", description = "Invalid fields (credit code check character, county, dates)")
    @APIResponse(responseCode = "409", description = "The credit code or licence number is registered already")
    public Response register(@Valid @NotNull RegisterEnterprise request) {
        EnterpriseView registered = enterprises.register(request, caller);
        return Response.created(UriBuilder.fromResource(EnterpriseResource.class)
                        .path(registered.creditCode())
                        .build())
                .entity(registered)
                .build();
    }

    @GET
    @Operation(
            operationId = "listEnterprises",
            summary = "List enterprises · 企业列表",
            description = "Filters by type, county and effective licence status. A county officer sees its county,"
                    + " an enterprise itself only.")
    @APIResponse(responseCode = "200", description = "One page of enterprises")
    @APIResponse(responseCode = "400", description = "Invalid filter or paging")
    public Page<EnterpriseView> list(
            @QueryParam("type") EnterpriseType type,
            @QueryParam("county") @CountyCode String county,
            @QueryParam("licenceStatus") LicenceStatus licenceStatus,
            @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("20") @Min(1) @Max(Page.MAX_SIZE) int size) {
        return enterprises.list(type, county, licenceStatus, page, size, caller);
    }

    @GET
    @Path("/expiring-qualifications")
    @RolesAllowed({Roles.CITY_ADMIN, Roles.DEPARTMENT_OFFICER, Roles.AUDITOR, Roles.COUNTY_OFFICER})
    @Operation(
            operationId = "listExpiringQualifications",
            summary = "Qualifications about to expire · 资质到期预警",
            description = "Valid qualifications whose validity ends within withinDays days from today (by the"
                    + " service clock), soonest first, with the days left. Default window:"
                    + " suite.recycling.expiry-warning-days (30).")
    @APIResponse(responseCode = "200", description = "One page of warnings")
    @APIResponse(responseCode = "400", description = "Invalid window or paging")
    public Page<ExpiringQualificationView> expiring(
            @QueryParam("withinDays") @Min(0) @Max(3650) Integer withinDays,
            @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("20") @Min(1) @Max(Page.MAX_SIZE) int size) {
        return enterprises.expiring(withinDays == null ? config.expiryWarningDays() : withinDays, page, size, caller);
    }

    @GET
    @Path("/{creditCode}")
    @Operation(
            operationId = "getEnterprise",
            summary = "Read an enterprise · 查询企业",
            description = "Contact masked. Outside the caller's scope answers 404.")
    @APIResponse(
            responseCode = "200",
            description = "Found",
            content = @Content(schema = @Schema(implementation = EnterpriseView.class)))
    public EnterpriseView get(@PathParam("creditCode") String creditCode) {
        return enterprises
                .find(creditCode, caller)
                .orElseThrow(() -> Problems.notFound("resource.enterprise", creditCode));
    }

    @PUT
    @Path("/{creditCode}/qualification")
    @RolesAllowed({Roles.CITY_ADMIN, Roles.DEPARTMENT_OFFICER})
    @Operation(
            operationId = "changeQualification",
            summary = "Change a qualification · 变更资质",
            description = "Renewal, suspension, revocation or correction of the licence. The previous state stays in"
                    + " the qualification history. Send the version read; a stale one answers 409. Announced as"
                    + " enterprise.qualification-changed.v1.")
    @APIResponse(
            responseCode = "200",
            description = "Changed",
            content = @Content(schema = @Schema(implementation = EnterpriseView.class)))
    @APIResponse(responseCode = "404", description = "Unknown enterprise")
    @APIResponse(
            responseCode = "409",
            description = "Stale version, or the licence number belongs to another enterprise")
    public EnterpriseView changeQualification(
            @PathParam("creditCode") String creditCode, @Valid @NotNull ChangeQualification request) {
        return enterprises.changeQualification(creditCode, request, caller);
    }
}
