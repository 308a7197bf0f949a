package cn.gov.lvliang.renewal.subsidy.payments;

import cn.gov.lvliang.renewal.platform.identifiers.CountyCode;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Request and response records of payment batches and top-ups. */
public final class PaymentViews {

    private PaymentViews() {}

    @Schema(
            name = "CreatePaymentBatch",
            description = "生成拨付批次 / batch the approved claims and top-ups of a programme in a county")
    public record CreateBatch(
            @Schema(example = "HOME-APPLIANCE") @NotBlank String programmeId,

            @Schema(example = "141124") @NotBlank @CountyCode
            String county) {}

    @Schema(name = "PaymentBatch", description = "拨付批次 / payment batch; amounts in fen")
    public record BatchView(
            UUID id, String programmeId, String county, Instant createdAt, long totalFen, List<ItemView> items) {}

    @Schema(
            name = "PaymentBatchSummary",
            description = "拨付批次概要 / a batch in a list: its totals and how many items are paid, failed or pending")
    public record BatchSummary(
            UUID id,
            String programmeId,
            String county,
            Instant createdAt,
            long totalFen,
            int itemCount,
            long paidCount,
            long failedCount,
            long pendingCount) {}

    @Schema(name = "PaymentItem")
    public record ItemView(
            int itemNo,
            UUID claimId,
            UUID topUpId,
            PaymentItem.Kind kind,
            long amountFen,
            PaymentItem.Outcome outcome,
            String bankReference,
            String failureReason,
            Boolean retry) {}

    @Schema(
            name = "PaymentResults",
            description = "支付结果回执 / the treasury's results; recording the same result again changes nothing")
    public record Results(@NotEmpty @Size(max = 5000) List<@Valid @NotNull Result> results) {}

    @Schema(name = "PaymentResult")
    public record Result(
            @Schema(example = "1") @NotNull @Min(1) Integer itemNo,
            @NotNull Outcome outcome,

            @Schema(description = "银行流水号", example = "TRX20250301000123") @Size(max = 64)
            String bankReference,

            @Schema(example = "账户已销户") @Size(max = 200) String failureReason,

            @Schema(description = "失败后是否在下一批次重试 (否则释放预留并退回补正)")
            Boolean retry) {

        public enum Outcome {
            PAID,
            FAILED
        }
    }

    @Schema(
            name = "CreateTopUps",
            description = "计算补差 / compute top-ups of paid claims under the versions now in force")
    public record CreateTopUps(
            @Schema(example = "CAR-SCRAPPAGE") @NotBlank String programmeId) {}

    @Schema(name = "TopUp", description = "补差 / a retroactive top-up")
    public record TopUpView(
            UUID id, UUID claimId, int fromRuleVersion, int toRuleVersion, long amountFen, TopUp.Status status) {}
}
