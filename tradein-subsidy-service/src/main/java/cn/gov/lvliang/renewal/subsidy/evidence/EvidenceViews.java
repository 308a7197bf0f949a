package cn.gov.lvliang.renewal.subsidy.evidence;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Request and response records of evidence. */
public final class EvidenceViews {

    private EvidenceViews() {}

    @Schema(name = "EvidenceUpload", description = "上传申请材料 / one evidence file (multipart/form-data)")
    public record Upload(
            @Schema(
                    description = "材料类型: one of the claim's rule version's evidenceRequired",
                    example = "NEW_CAR_INVOICE",
                    required = true)
            String kind,

            @Schema(
                    type = SchemaType.STRING,
                    format = "binary",
                    description = "PDF, JPEG, PNG, OFD or XML e-invoice (数电票), detected from the content;"
                            + " at most suite.evidence.max-file-size (10 MiB)",
                    required = true)
            String file) {}

    @Schema(name = "EvidenceWaiverRequest", description = "免予提交 / waive one required kind of evidence")
    public record Waiver(
            @Schema(example = "BANK_ACCOUNT") @NotBlank @Size(max = 60)
            String kind,

            @NotNull WaiverReason reasonCode,

            @Schema(example = "银行账户已通过代发系统核验") @Size(max = 500)
            String note) {}

    @Schema(
            name = "EvidenceReconciliation",
            description = "材料对账 / the evidence store against the metadata: objects without a document, and"
                    + " documents without an object")
    public record Reconciliation(
            @Schema(example = "postgres") String store,
            long objects,
            long documents,

            @Schema(description = "stored objects no document refers to (SHA-256)")
            List<String> objectsWithoutMetadata,

            @Schema(description = "documents whose object is not in the store")
            List<MissingObject> metadataWithoutObjects,

            boolean reconciled,
            Instant checkedAt) {}

    @Schema(name = "EvidenceMissingObject")
    public record MissingObject(String sha256, java.util.UUID documentId, java.util.UUID claimId) {}
}
