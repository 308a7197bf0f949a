package cn.gov.lvliang.renewal.subsidy.evidence;

import cn.gov.lvliang.renewal.platform.audit.Audited;
import cn.gov.lvliang.renewal.platform.audit.AuditedRead;
import cn.gov.lvliang.renewal.platform.audit.OwnTransactions;
import cn.gov.lvliang.renewal.platform.problem.Problem;
import cn.gov.lvliang.renewal.platform.security.Caller;
import cn.gov.lvliang.renewal.platform.security.Roles;
import cn.gov.lvliang.renewal.subsidy.claims.ClaimQueries;
import cn.gov.lvliang.renewal.subsidy.claims.ClaimViews.ClaimView;
import cn.gov.lvliang.renewal.subsidy.claims.ClaimViews.EvidenceView;
import cn.gov.lvliang.renewal.subsidy.evidence.EvidenceViews.Upload;
import cn.gov.lvliang.renewal.subsidy.evidence.EvidenceViews.Waiver;
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
import jakarta.ws.rs.core.StreamingOutput;
import jakarta.ws.rs.core.UriBuilder;
import java.io.InputStream;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

@Audited
@Path("/api/subsidies/claims/{id}/evidence")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Evidence · 申请材料")
public class EvidenceResource {

    private final EvidenceService evidence;
    private final EvidenceRecords records;
    private final ClaimQueries claims;
    private final Caller caller;

    public EvidenceResource(EvidenceService evidence, EvidenceRecords records, ClaimQueries claims, Caller caller) {
        this.evidence = evidence;
        this.records = records;
        this.claims = claims;
        this.caller = caller;
    }

    @OwnTransactions("the object is sealed and stored before the document's row commits (a store is no"
            + " transactional resource); the row and its audit record commit together: EvidenceRecords.record")
    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @RolesAllowed({Roles.DEALER, Roles.RETAILER, Roles.COUNTY_OFFICER})
    @Operation(
            operationId = "uploadEvidence",
            summary = "Upload evidence · 上传申请材料",
            description = "By the claim's filer (its dealer or retailer, or a county clerk of its county), while the"
                    + " claim is SUBMITTED, PENDING_REVIEW, QUEUED or RETURNED. `kind` is one of the kinds the"
                    + " claim's rule version requires (evidenceRequired); several files per kind are allowed. The"
                    + " type is detected from the content (PDF, JPEG, PNG, OFD, XML e-invoice 数电票), never from"
                    + " the name or Content-Type. The same bytes uploaded again answer the existing document (200)."
                    + " An XML e-invoice is cross-checked against the claim (number, seller, total, date): a"
                    + " difference flags INVOICE_MISMATCH. Stored encrypted, content-addressed by SHA-256.")
    @RequestBody(
            required = true,
            content =
                    @Content(
                            mediaType = MediaType.MULTIPART_FORM_DATA,
                            schema = @Schema(implementation = Upload.class)))
    @APIResponse(
            responseCode = "201",
            description = "Stored",
            content = @Content(schema = @Schema(implementation = EvidenceView.class)))
    @APIResponse(
            responseCode = "200",
            description = "The claim has a document with these bytes already: that one",
            content = @Content(schema = @Schema(implementation = EvidenceView.class)))
    @APIResponse(responseCode = "400", description = "No file, or a kind the rule version does not require")
    @APIResponse(responseCode = "404", description = "Unknown claim, or not one the caller filed or could have filed")
    @APIResponse(responseCode = "409", description = "The claim's state takes no more evidence")
    @APIResponse(responseCode = "413", description = "Over suite.evidence.max-file-size (default 10 MiB)")
    @APIResponse(responseCode = "415", description = "Not a PDF, JPEG, PNG, OFD or XML e-invoice")
    public Response upload(@PathParam("id") UUID id, @RestForm("kind") String kind, @RestForm("file") FileUpload file) {
        EvidenceService.Uploaded uploaded =
                evidence.upload(id, kind, file == null ? null : file.uploadedFile(), caller);
        if (!uploaded.created()) {
            return Response.ok(uploaded.document()).build();
        }
        return Response.created(UriBuilder.fromResource(EvidenceResource.class)
                        .path(uploaded.document().id().toString())
                        .build(id))
                .entity(uploaded.document())
                .build();
    }

    @GET
    @Path("/{evidenceId}")
    @AuditedRead
    @Produces({"application/pdf", "image/jpeg", "image/png", "application/ofd", "application/xml", Problem.MEDIA_TYPE})
    @RolesAllowed({
        Roles.CITY_ADMIN,
        Roles.AUDITOR,
        Roles.REVIEWER,
        Roles.COUNTY_OFFICER,
        Roles.DEALER,
        Roles.RETAILER,
        Roles.SYSTEM_CLIENT
    })
    @Operation(
            operationId = "downloadEvidence",
            summary = "Download evidence · 下载申请材料",
            description = "Streams the file to whoever may read the claim, with the same scoping (404 outside the"
                    + " caller's scope). Every download is written to the audit trail.")
    @APIResponse(
            responseCode = "200",
            description = "The file, as detected on upload",
            content =
                    @Content(
                            mediaType = "application/octet-stream",
                            schema = @Schema(type = SchemaType.STRING, format = "binary")))
    @APIResponse(responseCode = "404", description = "Unknown claim or document, or outside the caller's scope")
    public Response download(@PathParam("id") UUID id, @PathParam("evidenceId") UUID evidenceId) {
        EvidenceService.Download download = evidence.download(id, evidenceId, caller);
        EvidenceView document = download.document();
        StreamingOutput body = out -> {
            try (InputStream in = download.content()) {
                in.transferTo(out);
            }
        };
        return Response.ok(body, document.mediaType())
                .header(
                        "Content-Disposition",
                        "attachment; filename=\"" + document.kind().toLowerCase(java.util.Locale.ROOT) + "-"
                                + document.sha256().substring(0, 12) + extension(document.detectedType()) + "\"")
                .header("X-Content-Type-Options", "nosniff")
                .header("Cache-Control", "no-store")
                .build();
    }

    @POST
    @Path("/waivers")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.REVIEWER)
    @Operation(
            operationId = "waiveEvidence",
            summary = "Waive one kind of evidence · 免予提交",
            description = "A reviewer of the claim (never its filer) waives one required kind with a reason code"
                    + " (OTHER needs a note); a claim may have one kind waived. The waiver shows in the claim's"
                    + " evidenceCompleteness and in the audit trail; approval then no longer asks for that kind.")
    @APIResponse(
            responseCode = "200",
            description = "Waived; the claim as it now reads",
            content = @Content(schema = @Schema(implementation = ClaimView.class)))
    @APIResponse(responseCode = "400", description = "A kind the rule version does not require, or no reason code")
    @APIResponse(responseCode = "403", description = "The reviewer filed the claim")
    @APIResponse(responseCode = "404", description = "Unknown, or outside the reviewer's scope")
    @APIResponse(responseCode = "409", description = "A kind is waived already, or the claim's state takes no waiver")
    public ClaimView waive(@PathParam("id") UUID id, @Valid @NotNull Waiver waiver) {
        records.waive(id, waiver, caller);
        return claims.get(id, caller);
    }

    private static String extension(String detectedType) {
        return switch (DocumentType.valueOf(detectedType)) {
            case PDF -> ".pdf";
            case JPEG -> ".jpg";
            case PNG -> ".png";
            case OFD -> ".ofd";
            case E_INVOICE_XML -> ".xml";
        };
    }
}
