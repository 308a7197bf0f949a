package cn.gov.lvliang.renewal.subsidy.appeals;

import cn.gov.lvliang.renewal.platform.audit.Audited;
import cn.gov.lvliang.renewal.platform.security.Caller;
import cn.gov.lvliang.renewal.platform.security.Roles;
import cn.gov.lvliang.renewal.subsidy.appeals.AppealViews.AppealDecision;
import cn.gov.lvliang.renewal.subsidy.appeals.AppealViews.AppealRequest;
import cn.gov.lvliang.renewal.subsidy.appeals.AppealViews.AppealView;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Audited
@Path("/api/subsidies/claims/{id}/appeal")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Appeals · 复核")
public class AppealResource {

    private final AppealService appeals;
    private final Caller caller;

    public AppealResource(AppealService appeals, Caller caller) {
        this.appeals = appeals;
        this.caller = caller;
    }

    @POST
    @RolesAllowed({Roles.DEALER, Roles.RETAILER, Roles.COUNTY_OFFICER})
    @Operation(
            operationId = "appealClaim",
            summary = "Appeal a rejection · 申请复核",
            description = "By the claim's filer, once, within the rule version's appeal window after the"
                    + " rejection (default 15 days), with a reason; new evidence may then be uploaded while the"
                    + " claim is APPEALED. The claim becomes APPEALED; a decision is due within 15 days. The id"
                    + " may be the claim number.")
    @APIResponse(
            responseCode = "200",
            description = "APPEALED",
            content = @Content(schema = @Schema(implementation = AppealView.class)))
    @APIResponse(responseCode = "404", description = "Unknown, or outside the filer's scope")
    @APIResponse(responseCode = "409", description = "Not rejected, or appealed already (once per claim)")
    @APIResponse(responseCode = "422", description = "The appeal window has closed")
    public AppealView appeal(@PathParam("id") UUID id, @Valid @NotNull AppealRequest request) {
        return appeals.appealAsFiler(id, request.reason(), caller);
    }

    @POST
    @Path("/decision")
    @RolesAllowed(Roles.REVIEWER)
    @Operation(
            operationId = "decideAppeal",
            summary = "Decide an appeal · 复核决定",
            description = "By a reviewer in scope who did not reject the claim (403 otherwise). UPHOLD: the"
                    + " automatic checks run again and the claim returns to review (PENDING_REVIEW), where it"
                    + " may be approved like any claim (the budget is reserved then). DISMISS: the rejection"
                    + " is final.")
    @APIResponse(
            responseCode = "200",
            description = "UPHELD or DISMISSED",
            content = @Content(schema = @Schema(implementation = AppealView.class)))
    @APIResponse(responseCode = "403", description = "The reviewer rejected the claim (or filed it)")
    @APIResponse(responseCode = "404", description = "Unknown claim or no appeal, or outside the reviewer's scope")
    @APIResponse(responseCode = "409", description = "Decided already")
    public AppealView decide(@PathParam("id") UUID id, @Valid @NotNull AppealDecision decision) {
        return appeals.decide(id, decision, caller);
    }
}
