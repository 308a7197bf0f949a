package cn.gov.lvliang.renewal.subsidy.budget;

import cn.gov.lvliang.renewal.platform.audit.Audited;
import cn.gov.lvliang.renewal.platform.problem.Problems;
import cn.gov.lvliang.renewal.platform.security.Caller;
import cn.gov.lvliang.renewal.platform.security.CallerScope;
import cn.gov.lvliang.renewal.platform.security.Roles;
import cn.gov.lvliang.renewal.subsidy.budget.BudgetViews.AccountView;
import cn.gov.lvliang.renewal.subsidy.budget.BudgetViews.Allocate;
import cn.gov.lvliang.renewal.subsidy.budget.BudgetViews.Reconciliation;
import cn.gov.lvliang.renewal.subsidy.programmes.DepartmentScope;
import cn.gov.lvliang.renewal.subsidy.programmes.Programme;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Audited
@Path("/api/subsidies/budget")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Budget ledger · 预算账户")
@RolesAllowed({Roles.CITY_ADMIN, Roles.AUDITOR, Roles.COUNTY_OFFICER, Roles.REVIEWER, Roles.DEPARTMENT_OFFICER})
public class BudgetResource {

    private final BudgetLedger ledger;
    private final Caller caller;

    public BudgetResource(BudgetLedger ledger, Caller caller) {
        this.ledger = ledger;
        this.caller = caller;
    }

    @POST
    @Path("/allocations")
    @RolesAllowed(Roles.CITY_ADMIN)
    @Operation(
            operationId = "allocateBudget",
            summary = "Allocate money · 拨付预算",
            description = "Adds money to the accounts of a programme in a county: to one funding source, or split by"
                    + " the programme's shares when none is given. Journalled as ALLOCATE; announced as"
                    + " budget.allocated; claims queued for funds are then approved first come, first served.")
    @APIResponse(
            responseCode = "201",
            description = "The accounts after the allocation",
            content = @Content(schema = @Schema(implementation = AccountView.class, type = SchemaType.ARRAY)))
    @APIResponse(responseCode = "404", description = "Unknown programme")
    public Response allocate(@Valid @NotNull Allocate request) {
        Programme programme = Programme.findById(request.programmeId());
        if (programme == null) {
            throw Problems.notFound("resource.programme", request.programmeId());
        }
        List<AccountView> accounts = ledger.allocate(
                programme,
                request.county(),
                request.fundingSource(),
                request.amountFen(),
                request.note(),
                caller.subject());
        return Response.status(201).entity(accounts).build();
    }

    @GET
    @Path("/accounts")
    @Operation(
            operationId = "listBudgetAccounts",
            summary = "List budget accounts · 预算账户余额",
            description = "Allocated, reserved, posted and available amounts in fen per programme × county × funding"
                    + " source. A county officer or county reviewer sees its own county only.")
    @APIResponse(
            responseCode = "200",
            description = "The accounts",
            content = @Content(schema = @Schema(implementation = AccountView.class, type = SchemaType.ARRAY)))
    public List<AccountView> accounts(
            @QueryParam("programmeId") String programmeId, @QueryParam("county") String county) {
        return ledger.accounts(programmeId, scopedCounty(county), programmes());
    }

    @GET
    @Path("/reconciliation")
    @Operation(
            operationId = "reconcileBudget",
            summary = "Check balances against the journal · 核对账户与分录",
            description = "Derives every account's allocated, reserved and posted amounts from its journal entries"
                    + " and compares them with the stored balances, to the fen. Lists the accounts that disagree.")
    @APIResponse(
            responseCode = "200",
            description = "The check",
            content = @Content(schema = @Schema(implementation = Reconciliation.class)))
    public Reconciliation reconcile(
            @QueryParam("programmeId") String programmeId, @QueryParam("county") String county) {
        return ledger.reconcile(programmeId, scopedCounty(county), programmes());
    }

    /** A department officer reads the accounts of the programmes it is responsible for (budget use). */
    private CallerScope.Condition programmes() {
        return DepartmentScope.programmes(caller, "programmeId").orElse(CallerScope.Condition.ALL);
    }

    private String scopedCounty(String requested) {
        DepartmentScope.requireKnownCounty(caller);
        if (caller.hasAnyRole(java.util.Set.of(Roles.CITY_ADMIN, Roles.AUDITOR, Roles.DEPARTMENT_OFFICER))) {
            return requested;
        }
        if (caller.hasRole(Roles.REVIEWER) && caller.county().isEmpty()) {
            return requested;
        }
        // county-scoped: the token's county, whatever was asked
        return caller.county().orElse("------");
    }
}
