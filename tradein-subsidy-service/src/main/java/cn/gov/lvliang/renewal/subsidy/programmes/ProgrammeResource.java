package cn.gov.lvliang.renewal.subsidy.programmes;

import cn.gov.lvliang.renewal.platform.audit.Audited;
import cn.gov.lvliang.renewal.platform.security.Caller;
import cn.gov.lvliang.renewal.platform.security.Roles;
import cn.gov.lvliang.renewal.subsidy.programmes.ProgrammeViews.CloseProgramme;
import cn.gov.lvliang.renewal.subsidy.programmes.ProgrammeViews.CreateProgramme;
import cn.gov.lvliang.renewal.subsidy.programmes.ProgrammeViews.CreateRuleVersion;
import cn.gov.lvliang.renewal.subsidy.programmes.ProgrammeViews.ProgrammeView;
import cn.gov.lvliang.renewal.subsidy.programmes.ProgrammeViews.RuleVersionView;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Audited
@Path("/api/subsidies/programmes")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Programmes · 补贴项目与规则")
@RolesAllowed({
    Roles.CITY_ADMIN,
    Roles.AUDITOR,
    Roles.REVIEWER,
    Roles.COUNTY_OFFICER,
    Roles.DEALER,
    Roles.RETAILER,
    Roles.SYSTEM_CLIENT,
    Roles.DEPARTMENT_OFFICER
})
public class ProgrammeResource {

    private final ProgrammeService programmes;
    private final Caller caller;

    public ProgrammeResource(ProgrammeService programmes, Caller caller) {
        this.programmes = programmes;
        this.caller = caller;
    }

    @GET
    @Operation(
            operationId = "listProgrammes",
            summary = "List programmes with their rule versions · 补贴项目列表",
            description = "Every programme with its funding shares and all rule versions (amount formula, caps,"
                    + " eligibility cut-offs, per-person limits, evidence required, collection before payment).")
    @APIResponse(
            responseCode = "200",
            description = "The programmes",
            content =
                    @Content(
                            schema =
                                    @Schema(
                                            implementation = ProgrammeView.class,
                                            type =
                                                    org.eclipse.microprofile.openapi.annotations.enums.SchemaType
                                                            .ARRAY)))
    public List<ProgrammeView> list() {
        return programmes.list(caller);
    }

    @GET
    @Path("/{id}")
    @Operation(
            operationId = "getProgramme",
            summary = "Read a programme · 查询补贴项目",
            description = "The programme and all its rule versions.")
    @APIResponse(
            responseCode = "200",
            description = "Found",
            content = @Content(schema = @Schema(implementation = ProgrammeView.class)))
    @APIResponse(responseCode = "404", description = "Unknown programme")
    public ProgrammeView get(@PathParam("id") String id) {
        return programmes.get(id, caller);
    }

    @POST
    @RolesAllowed(Roles.CITY_ADMIN)
    @Operation(
            operationId = "createProgramme",
            summary = "Create a programme · 新建补贴项目",
            description = "A programme of one category for a jurisdiction and period, with its funding shares and"
                    + " what happens when the budget runs out (queue or refuse). Rules are added as versions.")
    @APIResponse(
            responseCode = "201",
            description = "Created",
            content = @Content(schema = @Schema(implementation = ProgrammeView.class)))
    @APIResponse(responseCode = "409", description = "The id exists")
    public Response create(@Valid @NotNull CreateProgramme request) {
        ProgrammeView created = programmes.create(request);
        return Response.status(201).entity(created).build();
    }

    @POST
    @Path("/{id}/rule-versions")
    @RolesAllowed(Roles.CITY_ADMIN)
    @Operation(
            operationId = "addRuleVersion",
            summary = "Add a rule version · 新增规则版本",
            description = "Adds the next version of the programme's rules, for example the 2026 rules, with no code"
                    + " change. Issued versions never change; a retroactive raise is a new version covering the"
                    + " same dates, which wins by its higher number (then top up paid claims). Home-renovation and"
                    + " elderly-retrofit programmes (家装厨卫, 适老化改造) take amount kind PERCENT_PER_ITEM with a"
                    + " `catalogue` of covered items (each its rate and cap) and a household limit; no other"
                    + " programme does (400 on parameters.amount.kind). Items of paid claims get no top-ups.")
    @APIResponse(
            responseCode = "201",
            description = "Added",
            content = @Content(schema = @Schema(implementation = RuleVersionView.class)))
    @APIResponse(responseCode = "400", description = "Invalid or inconsistent parameters")
    @APIResponse(responseCode = "404", description = "Unknown programme")
    public Response addVersion(@PathParam("id") String id, @Valid @NotNull CreateRuleVersion request) {
        return Response.status(201)
                .entity(programmes.addVersion(id, request, caller))
                .build();
    }

    @POST
    @Path("/{id}/close")
    @RolesAllowed(Roles.CITY_ADMIN)
    @Operation(
            operationId = "closeProgramme",
            summary = "Close a programme · 停止受理",
            description = "From now on the programme takes no new claim (422 programme-closed). Claims already filed"
                    + " go on through review and payment. Final: a closed programme cannot be reopened; open a new"
                    + " programme instead. Who closed it, when and why are recorded and shown.")
    @APIResponse(
            responseCode = "200",
            description = "Closed",
            content = @Content(schema = @Schema(implementation = ProgrammeView.class)))
    @APIResponse(responseCode = "400", description = "No reason given")
    @APIResponse(responseCode = "404", description = "Unknown programme")
    @APIResponse(responseCode = "409", description = "Closed already")
    public ProgrammeView close(@PathParam("id") String id, @Valid @NotNull CloseProgramme request) {
        return programmes.close(id, request.reason(), caller);
    }
}
