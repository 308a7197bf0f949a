package cn.gov.lvliang.renewal.subsidy.appeals;

import cn.gov.lvliang.renewal.subsidy.claims.ClaimStatus;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Request and response records of appeals (复核). */
public final class AppealViews {

    private AppealViews() {}

    @Schema(name = "AppealRequest", description = "复核申请 / an appeal against a rejection")
    public record AppealRequest(
            @Schema(description = "复核理由 / why the rejection is wrong", example = "发票已补开，请重新审核")
            @NotBlank
            @Size(max = 2000)
            String reason) {}

    /** The reviewer's decision. */
    public enum Decision {
        /** 复核成立: the claim goes back to review. */
        UPHOLD,
        /** 复核驳回: the rejection stands for good. */
        DISMISS
    }

    @Schema(name = "AppealDecision", description = "复核决定 / a reviewer's decision on an appeal")
    public record AppealDecision(
            @NotNull Decision decision,

            @Schema(description = "说明 / the reviewer's note") @Size(max = 2000)
            String note) {}

    @Schema(name = "Appeal", description = "复核 / an appeal and its decision")
    public record AppealView(
            UUID claimId,
            @Schema(example = "LL-141124-2026-000123") String claimNumber,
            Appeal.Status status,
            Appeal.Appellant appellant,
            String reason,
            Instant appealedAt,

            @Schema(description = "复核截止 / the decision is due by then")
            Instant decisionDue,

            @Schema(description = "复核超时 / undecided past its due date")
            boolean overdue,

            @Schema(description = "the reviewer whose rejection is appealed (system: an automatic check)")
            String rejectedBy,

            String decidedBy,
            Instant decidedAt,
            String decisionNote,
            @Schema(description = "the claim's state now") ClaimStatus claimStatus) {}

    @Schema(name = "AppealPage")
    public record AppealPage(List<AppealView> items, long total, int page, int size) {}
}
