package cn.gov.lvliang.renewal.subsidy.publicstatus;

import cn.gov.lvliang.renewal.platform.audit.Audited;
import cn.gov.lvliang.renewal.platform.audit.OwnTransactions;
import cn.gov.lvliang.renewal.subsidy.claims.Claim;
import cn.gov.lvliang.renewal.subsidy.claims.ClaimViews.EvidenceView;
import cn.gov.lvliang.renewal.subsidy.evidence.EvidenceService;
import cn.gov.lvliang.renewal.subsidy.publicstatus.PublicStatusViews.ApplicantAppeal;
import cn.gov.lvliang.renewal.subsidy.publicstatus.PublicStatusViews.ApplicantAppealEvidence;
import cn.gov.lvliang.renewal.subsidy.publicstatus.PublicStatusViews.ClaimStatusAnswer;
import cn.gov.lvliang.renewal.subsidy.publicstatus.PublicStatusViews.ClaimStatusQuery;
import jakarta.annotation.security.PermitAll;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The applicant's endpoints, without a token (公开接口): proof is the claim number and the ID
 * number. POST, so that the ID number never appears in a URL or an access log.
 */
@Audited
@PermitAll
@Path("/api/subsidies/public")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Applicants · 申请人")
public class PublicClaimResource {

    private final PublicStatusService service;
    private final EvidenceService evidence;

    public PublicClaimResource(PublicStatusService service, EvidenceService evidence) {
        this.service = service;
        this.evidence = evidence;
    }

    @POST
    @Path("/claim-status")
    @PermitAll
    @Operation(
            operationId = "lookUpClaimStatus",
            summary = "Look up a claim's status · 申请进度查询",
            description = "No token. With the claim number and the applicant's ID number: the status, programme,"
                    + " amount, the reason in Chinese, the dates and what to do next, nothing else. A wrong ID"
                    + " number and an unknown claim number get the same 404. After 10 failed tries within 15"
                    + " minutes the claim number is locked for 15 minutes (429). The gateway also limits the"
                    + " endpoint per client address.")
    @APIResponse(
            responseCode = "200",
            description = "The claim's status",
            content = @Content(schema = @Schema(implementation = ClaimStatusAnswer.class)))
    @APIResponse(responseCode = "400", description = "Malformed claim number or ID number")
    @APIResponse(responseCode = "404", description = "No claim with this number and ID number")
    @APIResponse(responseCode = "429", description = "Too many failed tries: the claim number is locked for 15 minutes")
    public ClaimStatusAnswer status(@Valid @NotNull ClaimStatusQuery query) {
        return service.status(query.claimNumber(), query.idNumber());
    }

    @POST
    @Path("/claim-appeals")
    @PermitAll
    @Operation(
            operationId = "appealClaimAsApplicant",
            summary = "Appeal a rejection as the applicant · 申请人申请复核",
            description = "No token; the same proof and lockout as the status lookup. Once per claim, within the"
                    + " rule version's appeal window after the rejection (default 15 days). Answers the claim's"
                    + " status, now APPEALED.")
    @APIResponse(
            responseCode = "200",
            description = "Appealed: the claim's status",
            content = @Content(schema = @Schema(implementation = ClaimStatusAnswer.class)))
    @APIResponse(responseCode = "400", description = "Malformed claim number or ID number, or no reason")
    @APIResponse(responseCode = "404", description = "No claim with this number and ID number")
    @APIResponse(responseCode = "409", description = "Not rejected, or appealed already")
    @APIResponse(responseCode = "422", description = "The appeal window has closed")
    @APIResponse(responseCode = "429", description = "Too many failed tries: the claim number is locked for 15 minutes")
    public ClaimStatusAnswer appeal(@Valid @NotNull ApplicantAppeal appeal) {
        return service.appeal(appeal.claimNumber(), appeal.idNumber(), appeal.reason());
    }

    @POST
    @Path("/claim-appeals/evidence")
    @PermitAll
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @OwnTransactions("the proof is checked in its own transaction (failures count towards the lockout even"
            + " when the upload fails); the object is sealed and stored before the document's row commits:"
            + " EvidenceService.uploadForAppeal")
    @Operation(
            operationId = "uploadAppealEvidenceAsApplicant",
            summary = "Upload new evidence for an appeal as the applicant · 申请人补充复核材料",
            description = "No token; the same proof and lockout as the status lookup. While the claim is APPEALED,"
                    + " the applicant adds evidence of one of the kinds its rule version requires, checked like"
                    + " the filer's uploads (type from the content: PDF, JPEG, PNG, OFD, XML e-invoice; the same"
                    + " bytes again answer the existing document). The answer names the stored document only.")
    @RequestBody(
            required = true,
            content =
                    @Content(
                            mediaType = MediaType.MULTIPART_FORM_DATA,
                            schema = @Schema(implementation = ApplicantAppealEvidence.class)))
    @APIResponse(
            responseCode = "201",
            description = "Stored",
            content = @Content(schema = @Schema(implementation = EvidenceView.class)))
    @APIResponse(
            responseCode = "200",
            description = "The claim has a document with these bytes already: that one",
            content = @Content(schema = @Schema(implementation = EvidenceView.class)))
    @APIResponse(
            responseCode = "400",
            description = "Malformed claim number or ID number, no file, or a kind the rule version does not require")
    @APIResponse(responseCode = "404", description = "No claim with this number and ID number")
    @APIResponse(responseCode = "409", description = "The claim is not under appeal")
    @APIResponse(responseCode = "413", description = "Over suite.evidence.max-file-size (default 10 MiB)")
    @APIResponse(responseCode = "415", description = "Not a PDF, JPEG, PNG, OFD or XML e-invoice")
    @APIResponse(responseCode = "429", description = "Too many failed tries: the claim number is locked for 15 minutes")
    public Response uploadAppealEvidence(@Valid @NotNull ApplicantAppealEvidence upload) {
        Claim claim = service.verifiedClaim(upload.claimNumber, upload.idNumber);
        EvidenceService.Uploaded uploaded =
                evidence.uploadForAppeal(claim, upload.kind, upload.file == null ? null : upload.file.uploadedFile());
        return Response.status(uploaded.created() ? 201 : 200)
                .entity(uploaded.document())
                .build();
    }
}
