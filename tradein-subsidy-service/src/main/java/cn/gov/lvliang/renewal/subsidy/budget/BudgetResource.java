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
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import java.util.List;
import java.util.UUID;
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
    private final BudgetReconciliation reconciliation;
    private final FullReconciliations fullReconciliations;
    private final Caller caller;

    public BudgetResource(
            BudgetLedger ledger,
            BudgetReconciliation reconciliation,
            FullReconciliations fullReconciliations,
            Caller caller) {
        this.ledger = ledger;
        this.reconciliation = reconciliation;
        this.fullReconciliations = fullReconciliations;
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
                    + " and compares them with the stored balances, to the fen. Lists the accounts that disagree."
                    + " Reads the journal's sums up to a checkpoint plus the entries written since (decision 0050);"
                    + " the full recomputation from the first entry is `POST …/budget/reconciliations`.")
    @APIResponse(
            responseCode = "200",
            description = "The check",
            content = @Content(schema = @Schema(implementation = Reconciliation.class)))
    public Reconciliation reconcile(
            @QueryParam("programmeId") String programmeId, @QueryParam("county") String county) {
        return reconciliation.reconcile(programmeId, scopedCounty(county), programmes());
    }

    @POST
    @Path("/reconciliations")
    @Consumes(MediaType.WILDCARD)
    @RolesAllowed(Roles.CITY_ADMIN)
    @Operation(
            operationId = "requestFullBudgetReconciliation",
            summary = "Recompute the budget from the first journal entry, as a job · 预算全量对账（异步任务）",
            description = "Queues a job that sums every journal entry of every account in one snapshot and compares"
                    + " the sums with the stored balances and with the checkpoint that `GET …/reconciliation`"
                    + " reads. Answers at once with the job and its `Location`; follow it with"
                    + " `GET …/reconciliations/{id}`. If one is already queued or running, that job is the answer."
                    + " One also runs every night (`suite.budget.full-reconciliation-cron`).")
    @APIResponse(
            responseCode = "202",
            description = "Queued, or the job already queued or running",
            content = @Content(schema = @Schema(implementation = FullReconciliationJob.class)))
    public Response requestFullReconciliation() {
        FullReconciliationJob job = fullReconciliations.request(caller.subject());
        return Response.accepted(job)
                .location(UriBuilder.fromResource(BudgetResource.class)
                        .path("reconciliations")
                        .path(job.id().toString())
                        .build())
                .build();
    }

    @GET
    @Path("/reconciliations")
    @RolesAllowed({Roles.CITY_ADMIN, Roles.AUDITOR})
    @Operation(
            operationId = "listFullBudgetReconciliations",
            summary = "The latest full recomputations of the budget · 预算全量对账任务列表",
            description = "The 20 latest jobs, newest first, with their results.")
    @APIResponse(
            responseCode = "200",
            description = "The jobs",
            content = @Content(schema = @Schema(implementation = FullReconciliationJob.class, type = SchemaType.ARRAY)))
    public List<FullReconciliationJob> fullReconciliations() {
        return fullReconciliations.latest(20);
    }

    @GET
    @Path("/reconciliations/{id}")
    @RolesAllowed({Roles.CITY_ADMIN, Roles.AUDITOR})
    @Operation(
            operationId = "getFullBudgetReconciliation",
            summary = "One full recomputation of the budget and its progress · 预算全量对账任务进度",
            description = "State QUEUED → RUNNING → SUCCEEDED (with `result`) or FAILED (with `error`), the"
                    + " journal's last entry id in the job's snapshot and how far it has read.")
    @APIResponse(
            responseCode = "200",
            description = "The job",
            content = @Content(schema = @Schema(implementation = FullReconciliationJob.class)))
    @APIResponse(responseCode = "404", description = "Unknown job")
    public FullReconciliationJob fullReconciliation(@PathParam("id") UUID id) {
        return fullReconciliations
                .find(id)
                .orElseThrow(() -> Problems.notFound("resource.full-budget-reconciliation", id));
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
