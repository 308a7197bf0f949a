package cn.gov.lvliang.renewal.subsidy.publicstatus;

import cn.gov.lvliang.renewal.platform.identifiers.ValidResidentIdNumber;
import cn.gov.lvliang.renewal.subsidy.claims.ClaimStatus;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

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
