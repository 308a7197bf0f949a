package cn.gov.lvliang.renewal.subsidy.publicstatus;

import cn.gov.lvliang.renewal.platform.identifiers.ValidResidentIdNumber;
import cn.gov.lvliang.renewal.subsidy.claims.ClaimStatus;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

/** Request and response records of the applicant's public endpoints. */
public final class PublicStatusViews {

    private PublicStatusViews() {}

    @Schema(name = "ClaimStatusQuery", description = "申请进度查询 / the applicant's proof: claim number and ID number")
    public record ClaimStatusQuery(
            @Schema(description = "受理编号", example = "LL-141124-2026-000123")
            @NotBlank
            @Pattern(regexp = "LL-[0-9]{6}-[0-9]{4}-[0-9]{6,9}")
            String claimNumber,

            @Schema(description = "申请人居民身份证号码", example = "141124198001011233") @NotBlank @ValidResidentIdNumber
            String idNumber) {}

    @Schema(name = "ApplicantAppeal", description = "申请人申请复核 / the applicant appeals a rejection")
    public record ApplicantAppeal(
            @Schema(description = "受理编号", example = "LL-141124-2026-000123")
            @NotBlank
            @Pattern(regexp = "LL-[0-9]{6}-[0-9]{4}-[0-9]{6,9}")
            String claimNumber,

            @Schema(description = "申请人居民身份证号码", example = "141124198001011233") @NotBlank @ValidResidentIdNumber
            String idNumber,

            @Schema(description = "复核理由", example = "发票信息已更正，请重新审核") @NotBlank @Size(max = 2000)
            String reason) {}

    /**
     * 申请人补充复核材料: the applicant's proof and one evidence file, as a multipart form. A class with
     * form fields, so that the proof is validated like the JSON endpoints'.
     */
    @Schema(name = "ApplicantAppealEvidence", description = "申请人补充复核材料 / new evidence for an appeal")
    public static final class ApplicantAppealEvidence {
        @RestForm
        @Schema(description = "受理编号", example = "LL-141124-2026-000123", required = true)
        @NotBlank
        @Pattern(regexp = "LL-[0-9]{6}-[0-9]{4}-[0-9]{6,9}")
        public String claimNumber;

        @RestForm
        @Schema(description = "申请人居民身份证号码", example = "141124198001011233", required = true)
        @NotBlank
        @ValidResidentIdNumber
        public String idNumber;

        @RestForm
        @Schema(
                description = "材料类型: one of the claim's rule version's evidenceRequired",
                example = "INVOICE",
                required = true)
        @NotBlank
        public String kind;

        @RestForm
        @Schema(
                type = SchemaType.STRING,
                format = "binary",
                description = "PDF, JPEG, PNG, OFD or XML e-invoice (数电票), detected from the content;"
                        + " at most suite.evidence.max-file-size (10 MiB)",
                required = true)
        public FileUpload file;
    }

    /** What the applicant may know of the claim, and nothing else (no name, ID, account, seller). */
    @Schema(name = "ClaimStatusAnswer", description = "申请进度 / the claim's status as the applicant sees it")
    public record ClaimStatusAnswer(
            @Schema(example = "LL-141124-2026-000123") String claimNumber,
            ClaimStatus status,
            @Schema(description = "状态", example = "审核中") String statusText,

            @Schema(description = "补贴项目", example = "2025年家电以旧换新")
            String programme,

            @Schema(description = "补贴金额（分）", example = "75000")
            long amountFen,

            @Schema(description = "原因 (驳回、退回补正时)", example = "材料不全或不清")
            String reason,

            @Schema(description = "提交日期") LocalDate submittedOn,
            @Schema(description = "审核日期") LocalDate reviewedOn,
            @Schema(description = "拨付日期") LocalDate paidOn,
            @Schema(description = "可申请复核至 (驳回后、未复核时)") LocalDate appealBy,

            @Schema(description = "下一步", example = "申请正在审核中，请耐心等待。")
            String nextStep) {}
}
