package cn.gov.lvliang.renewal.subsidy.claims;

import cn.gov.lvliang.renewal.platform.audit.Audited;
import cn.gov.lvliang.renewal.platform.audit.OwnTransactions;
import cn.gov.lvliang.renewal.platform.paging.Page;
import cn.gov.lvliang.renewal.platform.security.Caller;
import cn.gov.lvliang.renewal.platform.security.Roles;
import cn.gov.lvliang.renewal.subsidy.claims.ClaimViews.ClaimView;
import cn.gov.lvliang.renewal.subsidy.claims.ClaimViews.CreateClaim;
import cn.gov.lvliang.renewal.subsidy.claims.ClaimViews.Resubmission;
import cn.gov.lvliang.renewal.subsidy.claims.ClaimViews.Review;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Audited
@Path("/api/subsidies/claims")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Claims · 补贴申请")
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
public class ClaimResource {

    private static final String IDEMPOTENCY_KEY = IdempotencyKeys.HEADER;

    private final ClaimFiling filing;
    private final ClaimQueries claims;
    private final ClaimReview reviews;
    private final FilerActions filer;
    private final IdempotencyKeys keys;
    private final Caller caller;

    public ClaimResource(
            ClaimFiling filing,
            ClaimQueries claims,
            ClaimReview reviews,
            FilerActions filer,
            IdempotencyKeys keys,
            Caller caller) {
        this.filing = filing;
        this.claims = claims;
        this.reviews = reviews;
        this.filer = filer;
        this.keys = keys;
        this.caller = caller;
    }

    @OwnTransactions("the Idempotency-Key is taken and freed in transactions of its own (IdempotencyKeys); the claim"
            + " and its audit record still commit together: ClaimFiling.create records the request")
    @POST
    @RolesAllowed({Roles.DEALER, Roles.RETAILER, Roles.COUNTY_OFFICER})
    @Operation(
            operationId = "fileClaim",
            summary = "File a claim · 提交补贴申请",
            description = "A dealer or retailer files for its own sales (sellerCreditCode = the token's enterprise);"
                    + " a county clerk (county officer) files in its county. The amount is computed by the rule"
                    + " version in force on the purchase date, and the automatic checks run at once and are"
                    + " recorded on the claim: the claim answers as PENDING_REVIEW, REJECTED (with its reason"
                    + " code) or VERIFYING (waiting for the scrap certificate). The section is the programme's"
                    + " category's: `appliance`, `car`, `truck` (老旧营运柴油货车: amount by class × emission standard"
                    + " × new truck; paid after the vehicle's deregistration when the rule says so) or"
                    + " `farmMachinery` (农机报废更新: amount by machine type and power band, checked against the"
                    + " farm-machinery certificate). The applicant's ID number, name,"
                    + " phone, bank account and address are stored encrypted and shown masked. With an"
                    + " Idempotency-Key, the same key and body return the first response; a different body 422;"
                    + " a request still in flight 409. Home-renovation (家装厨卫) and elderly-retrofit (适老化改造)"
                    + " claims list their items in `renovation`: each earns its catalogue share, capped per item,"
                    + " within the household limit (HOUSEHOLD_LIMIT_REACHED when nothing is left); an item code"
                    + " outside the rule version's catalogue is 422 item-not-covered with a field error per item.")
    @Parameter(
            name = IDEMPOTENCY_KEY,
            in = ParameterIn.HEADER,
            description = "幂等键 / idempotency key, 1-100 visible characters",
            example = "7f1c8a52-2b7e-4a43-9d0e-3c6f6f0f2a11")
    @APIResponse(
            responseCode = "201",
            description = "Filed and verified",
            content = @Content(schema = @Schema(implementation = ClaimView.class)))
    @APIResponse(responseCode = "403", description = "Filing for another enterprise or county")
    @APIResponse(responseCode = "409", description = "A request with this Idempotency-Key is still in flight")
    @APIResponse(
            responseCode = "422",
            description = "`no-rule-in-force` (no rule version in force on the purchase date), `programme-closed`"
                    + " (停止受理), `category-not-open` (the programme's category takes no claims yet),"
                    + " `outside-jurisdiction` (受理范围: the county is outside the programme's jurisdiction; field"
                    + " error on `county`), `item-not-covered` (an item not in the rule version's catalogue; field"
                    + " errors), or the Idempotency-Key was used with another body")
    public Response create(@HeaderParam(IDEMPOTENCY_KEY) String key, @Valid @NotNull CreateClaim request) {
        IdempotencyKeys.Outcome<ClaimView> outcome =
                keys.once(caller.subject(), key, request, claimed -> filing.create(request, caller, claimed));
        if (outcome.replay() != null) {
            return Response.status(outcome.replay().status())
                    .entity(outcome.replay().body())
                    .type(MediaType.APPLICATION_JSON)
                    .header("Idempotent-Replayed", "true")
                    .build();
        }
        return created(outcome.fresh());
    }

    private static Response created(ClaimView view) {
        return Response.created(UriBuilder.fromResource(ClaimResource.class)
                        .path(view.id().toString())
                        .build())
                .entity(view)
                .build();
    }

    @GET
    @Operation(
            operationId = "listClaims",
            summary = "List claims · 申请列表",
            description = "Within the caller's scope: dealers and retailers their own claims, county officers and"
                    + " county reviewers their county, city-wide reviewers, city admins and auditors all. Filters:"
                    + " status, programmeId, county, overdue (past the accept / review / pay deadline), riskLevel"
                    + " (风险等级 of the claim's flags: LOW, MEDIUM, HIGH).")
    @APIResponse(responseCode = "200", description = "A page of claims (without check details)")
    @APIResponse(responseCode = "400", description = "Invalid paging or filter")
    public Page<ClaimView> list(
            @QueryParam("status") ClaimStatus status,
            @QueryParam("programmeId") String programmeId,
            @QueryParam("county") String county,
            @QueryParam("overdue") Boolean overdue,
            @QueryParam("riskLevel") RiskLevel riskLevel,
            @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("20") @Min(1) @Max(Page.MAX_SIZE) int size) {
        return claims.list(caller, status, programmeId, county, overdue, riskLevel, page, size);
    }

    @GET
    @Path("/{id}")
    @Operation(
            operationId = "getClaim",
            summary = "Read a claim · 查询申请",
            description = "The claim with its amount computation, overdue flag and every automatic check (outcome"
                    + " and evidence). Outside the caller's scope: 404.")
    @APIResponse(
            responseCode = "200",
            description = "Found",
            content = @Content(schema = @Schema(implementation = ClaimView.class)))
    public ClaimView get(@PathParam("id") UUID id) {
        return claims.get(id, caller);
    }

    @POST
    @Path("/{id}/approve")
    @RolesAllowed(Roles.REVIEWER)
    @Operation(
            operationId = "approveClaim",
            summary = "Approve a claim · 审核通过",
            description = "Maker-checker: the reviewer is never the submitter. Reserves the amount in the budget"
                    + " accounts of the programme and county (by funding share). If the budget cannot cover it, the"
                    + " claim queues for funds (QUEUED) or the approval is refused with 409, as the programme says."
                    + " Every kind of evidence the rule version requires must be uploaded or waived first (材料齐全):"
                    + " otherwise 409 evidence-missing naming the missing kinds.")
    @APIResponse(
            responseCode = "200",
            description = "APPROVED, or QUEUED for funds",
            content = @Content(schema = @Schema(implementation = ClaimView.class)))
    @APIResponse(responseCode = "403", description = "The reviewer filed the claim")
    @APIResponse(responseCode = "404", description = "Unknown, or outside the reviewer's scope")
    @APIResponse(
            responseCode = "409",
            description = "Not pending review, stale version, evidence missing (the kinds named), or budget"
                    + " exhausted (refusing programme)")
    public ClaimView approve(@PathParam("id") UUID id, @Valid @NotNull Review review) {
        return reviews.approve(id, review, caller);
    }

    @POST
    @Path("/{id}/reject")
    @RolesAllowed(Roles.REVIEWER)
    @Operation(
            operationId = "rejectClaim",
            summary = "Reject a claim · 驳回",
            description = "With a reason code (OTHER needs a note). Frees the certificate, invoice, serial number and"
                    + " new VIN the claim held.")
    @APIResponse(
            responseCode = "200",
            description = "REJECTED",
            content = @Content(schema = @Schema(implementation = ClaimView.class)))
    @APIResponse(responseCode = "400", description = "No reason code")
    @APIResponse(responseCode = "409", description = "Not in a reviewable state, or stale version")
    public ClaimView reject(@PathParam("id") UUID id, @Valid @NotNull Review review) {
        return reviews.reject(id, review, caller);
    }

    @POST
    @Path("/{id}/return")
    @RolesAllowed(Roles.REVIEWER)
    @Operation(
            operationId = "returnClaim",
            summary = "Return a claim for correction · 退回补正",
            description = "With a reason code. The filer corrects and resubmits; the checks then run again.")
    @APIResponse(
            responseCode = "200",
            description = "RETURNED",
            content = @Content(schema = @Schema(implementation = ClaimView.class)))
    @APIResponse(responseCode = "409", description = "Not in a reviewable state, or stale version")
    public ClaimView returnForCorrection(@PathParam("id") UUID id, @Valid @NotNull Review review) {
        return reviews.returnForCorrection(id, review, caller);
    }

    @POST
    @Path("/{id}/withdraw")
    @RolesAllowed({Roles.DEALER, Roles.RETAILER, Roles.COUNTY_OFFICER})
    @Operation(
            operationId = "withdrawClaim",
            summary = "Withdraw a claim · 撤回",
            description = "By its filer, up to approval, or after approval while the claim is not in a payment"
                    + " batch: its budget reservation is then released.")
    @APIResponse(
            responseCode = "200",
            description = "WITHDRAWN",
            content = @Content(schema = @Schema(implementation = ClaimView.class)))
    @APIResponse(responseCode = "409", description = "Paid, final, or in a payment batch already; or stale version")
    public ClaimView withdraw(@PathParam("id") UUID id, @Valid @NotNull Review review) {
        return filer.withdraw(id, review, caller);
    }

    @POST
    @Path("/{id}/resubmit")
    @RolesAllowed({Roles.DEALER, Roles.RETAILER, Roles.COUNTY_OFFICER})
    @Operation(
            operationId = "resubmitClaim",
            summary = "Resubmit a returned claim · 补正后重新提交",
            description = "With the corrections the reviewer asked for (phone, bank account, invoice number,"
                    + " delivery address); the automatic checks then run again as a new run.")
    @APIResponse(
            responseCode = "200",
            description = "Verified again",
            content = @Content(schema = @Schema(implementation = ClaimView.class)))
    @APIResponse(responseCode = "409", description = "Not returned, or stale version")
    public ClaimView resubmit(@PathParam("id") UUID id, @Valid @NotNull Resubmission resubmission) {
        return filer.resubmit(id, resubmission, caller);
    }
}
