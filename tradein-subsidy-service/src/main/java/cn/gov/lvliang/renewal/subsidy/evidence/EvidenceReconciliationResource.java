package cn.gov.lvliang.renewal.subsidy.evidence;

import cn.gov.lvliang.renewal.platform.audit.Audited;
import cn.gov.lvliang.renewal.platform.security.Roles;
import cn.gov.lvliang.renewal.subsidy.evidence.EvidenceViews.Reconciliation;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Audited
@Path("/api/subsidies/evidence/reconciliation")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Evidence · 申请材料")
public class EvidenceReconciliationResource {

    private final EvidenceService evidence;

    public EvidenceReconciliationResource(EvidenceService evidence) {
        this.evidence = evidence;
    }

    @GET
    @RolesAllowed({Roles.CITY_ADMIN, Roles.AUDITOR})
    @Operation(
            operationId = "reconcileEvidence",
            summary = "Reconcile evidence · 材料对账",
            description = "Lists the evidence store's objects against the documents' metadata: objects no document"
                    + " refers to, and documents whose object is missing. Also sets the gauges"
                    + " subsidy_evidence_objects_without_metadata and subsidy_evidence_metadata_without_objects"
                    + " (docs/runbooks/evidence-reconcile.md).")
    @APIResponse(
            responseCode = "200",
            description = "The comparison",
            content = @Content(schema = @Schema(implementation = Reconciliation.class)))
    public Reconciliation reconcile() {
        return evidence.reconcile();
    }
}
