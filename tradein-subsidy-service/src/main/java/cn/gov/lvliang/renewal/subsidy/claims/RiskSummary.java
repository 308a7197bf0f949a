package cn.gov.lvliang.renewal.subsidy.claims;

import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * 风险摘要: a claim's flags summed up as one level with the reasons (decision 0038). Plain Java:
 * {@link RiskLevel#HIGH} for a flag of a known fraud pattern (many claims into one bank account, a
 * zero-mileage resale, a recovery review) or for two flags or more; {@link RiskLevel#MEDIUM} for one
 * other flag; {@link RiskLevel#LOW} without flags. A flag this table does not know counts as medium.
 */
@Schema(name = "ClaimRisk", description = "风险摘要 / the claim's flags summed up as a level, with the reasons")
public record RiskSummary(RiskLevel level, List<Reason> reasons) {

    /** One flag, its own level and what it means. */
    @Schema(name = "ClaimRiskReason")
    public record Reason(
            @Schema(example = "SHARED_BANK_ACCOUNT") String flag,
            RiskLevel level,

            @Schema(example = "同一收款账户有多笔申请 / many claims pay into one bank account")
            String description) {}

    private record Known(RiskLevel level, String description) {}

    private static final Map<String, Known> FLAGS = Map.of(
            "SHARED_BANK_ACCOUNT",
            new Known(RiskLevel.HIGH, "同一收款账户有多笔申请 / many claims pay into one bank account"),
            "ZERO_MILEAGE_RESALE",
            new Known(RiskLevel.HIGH, "新车以零公里二手车转卖 / the new car was resold as zero-mileage"),
            "RECOVERY_REVIEW",
            new Known(RiskLevel.HIGH, "已拨付，须复核是否追回 / paid: review whether to recover the subsidy"),
            "SHARED_PHONE",
            new Known(RiskLevel.MEDIUM, "同一手机号有多笔申请 / many claims give one phone"),
            "PRICE_ANOMALY",
            new Known(RiskLevel.MEDIUM, "价格明显高于该商家以往售价 / price far above the seller's earlier sales"),
            "ADDRESS_CONCENTRATION",
            new Known(RiskLevel.MEDIUM, "同一送货地址多笔申请 / many deliveries to one address"),
            "INVOICE_MISMATCH",
            new Known(RiskLevel.MEDIUM, "电子发票与申请不符 / the e-invoice differs from the claim"));

    private static final Known UNKNOWN = new Known(RiskLevel.MEDIUM, "其他标记 / another flag");

    /** The summary of {@code flags}, the reasons in the flags' order. */
    public static RiskSummary of(List<String> flags) {
        List<Reason> reasons = flags.stream()
                .map(f -> {
                    Known known = FLAGS.getOrDefault(f, UNKNOWN);
                    return new Reason(f, known.level(), known.description());
                })
                .toList();
        RiskLevel level;
        if (reasons.isEmpty()) {
            level = RiskLevel.LOW;
        } else if (reasons.size() >= 2 || reasons.stream().anyMatch(r -> r.level() == RiskLevel.HIGH)) {
            level = RiskLevel.HIGH;
        } else {
            level = RiskLevel.MEDIUM;
        }
        return new RiskSummary(level, reasons);
    }
}
