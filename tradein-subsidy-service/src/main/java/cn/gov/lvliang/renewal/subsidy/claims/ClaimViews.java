package cn.gov.lvliang.renewal.subsidy.claims;

import cn.gov.lvliang.renewal.platform.identifiers.CountyCode;
import cn.gov.lvliang.renewal.platform.identifiers.ValidCreditCode;
import cn.gov.lvliang.renewal.platform.identifiers.ValidResidentIdNumber;
import cn.gov.lvliang.renewal.platform.identifiers.ValidVin;
import cn.gov.lvliang.renewal.subsidy.programmes.ProgrammeCategory;
import cn.gov.lvliang.renewal.subsidy.programmes.SubsidyCalculator;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Request and response records of claims. */
public final class ClaimViews {

    private ClaimViews() {}

    @Schema(
            name = "CreateClaim",
            description = "提交补贴申请 / file a claim. Give `appliance` for appliance and digital"
                    + " programmes, `car` for car programmes, `renovation` for home-renovation (家装厨卫) and"
                    + " elderly-retrofit (适老化改造) programmes.")
    public record CreateClaim(
            @Schema(example = "HOME-APPLIANCE") @NotBlank @Size(max = 40)
            String programmeId,

            @Schema(description = "县级行政区划代码 / county", example = "141124") @NotBlank @CountyCode
            String county,

            @Schema(
                    description = "销售企业统一社会信用代码 (经销商/零售商); a dealer or retailer files for itself",
                    example = "91141100MA0K0000XA")
            @NotBlank
            @ValidCreditCode
            String sellerCreditCode,

            @NotNull @Valid Applicant applicant,

            @Schema(description = "购买日期 (发票日期); selects the rule version", example = "2025-03-01") @NotNull
            LocalDate purchaseDate,

            @Valid ApplianceItem appliance,
            @Valid CarItem car,
            @Valid RenovationItems renovation) {}

    @Schema(
            name = "RenovationItems",
            description = "家装厨卫“焕新” / 适老化改造: the items bought, for home-renovation and elderly-retrofit"
                    + " programmes (decision 0040). Each item's code must be in the rule version's catalogue"
                    + " (`parameters.catalogue.items`, read with the programme).")
    public record RenovationItems(
            @NotNull @Size(min = 1, max = 50) List<@NotNull @Valid RenovationItem> items) {}

    @Schema(name = "RenovationItem", description = "一件补贴品 / one item bought")
    public record RenovationItem(
            @Schema(description = "补贴品代码, from the rule version's catalogue", example = "GRAB_BAR")
            @NotBlank
            @Pattern(regexp = "[A-Z][A-Z0-9_]{1,39}")
            String itemCode,

            @Schema(description = "品名规格 / what was bought", example = "不锈钢卫生间扶手 60cm") @NotBlank @Size(max = 200)
            String description,

            @Schema(description = "成交价 (分) / final price in fen", example = "80000")
            @NotNull
            @Positive
            @Max(SubsidyCalculator.MAX_PRICE_FEN)
            Long priceFen,

            @Schema(
                    description = "发票号码 / invoice number; unique across claims, several items of one claim may share"
                            + " one",
                    example = "25142000000012345678")
            @NotBlank
            @Size(max = 40)
            String invoiceNumber) {}

    @Schema(name = "ClaimRenovationItem", description = "一件补贴品及其补贴额 / one item with its amount")
    public record RenovationItemView(
            int line,
            @Schema(example = "GRAB_BAR") String itemCode,
            String description,
            long priceFen,
            String invoiceNumber,
            @Schema(example = "24000") long amountFen,

            @Schema(description = "补贴封顶 / the item's share was above its cap and was cut to it (not a refusal)")
            boolean capped) {}

    @Schema(name = "Applicant", description = "申请人 (stored encrypted; shown masked)")
    public record Applicant(
            @Schema(example = "张三") @NotBlank @Size(max = 64)
            String name,

            @Schema(description = "居民身份证号码 (GB 11643)", example = "141124198001011233") @NotBlank @ValidResidentIdNumber
            String idNumber,

            @Schema(example = "13812345678") @Pattern(regexp = "1\\d{10}")
            String phone,

            @Schema(description = "收款银行账号 / bank account", example = "6222020200112233445")
            @NotBlank
            @Pattern(regexp = "\\d{12,30}")
            String bankAccount) {}

    @Schema(name = "ApplianceItem", description = "家电/数码产品 / the appliance or digital product bought")
    public record ApplianceItem(
            @Schema(example = "AIR_CONDITIONER") @NotBlank @Pattern(regexp = "[A-Z_]{2,40}")
            String productCategory,

            @Schema(example = "KFR-35GW/N1") @NotBlank @Size(max = 64)
            String model,

            @Schema(description = "序列号 / serial number", example = "SN2025000123") @NotBlank @Size(max = 64)
            String serialNumber,

            @Schema(description = "发票号码 / invoice number", example = "25142000000012345678") @NotBlank @Size(max = 40)
            String invoiceNumber,

            @Schema(description = "成交价 (分) / final price in fen", example = "500000")
            @NotNull
            @Positive
            @Max(SubsidyCalculator.MAX_PRICE_FEN)
            Long priceFen,

            @Schema(description = "能效等级 1-5 / efficiency grade", example = "1") @Min(1) @Max(5)
            Integer efficiencyGrade,

            @Schema(description = "送货地址 / delivery address", example = "吕梁市离石区滨河北东路1号") @NotBlank @Size(max = 200)
            String deliveryAddress) {}

    @Schema(name = "CarItem", description = "车辆 / the old and the new car")
    public record CarItem(
            @Schema(description = "报废机动车回收证明编号 (scrappage only)", example = "LL-2024-000123")
            @Pattern(regexp = "[A-Z0-9][A-Z0-9-]{5,31}")
            String scrapCertificateNumber,

            @Schema(description = "旧车车辆识别代号 / old car's VIN", example = "LSVAU218XN2183294") @NotBlank @ValidVin
            String oldVin,

            @Schema(description = "新车车辆识别代号 / new car's VIN", example = "LSVCC6F27P2004455") @NotBlank @ValidVin
            String newVin,

            @Schema(description = "新车动力类型 NEV / FUEL", example = "NEV") @NotBlank @Pattern(regexp = "NEV|FUEL")
            String newCarPowerType,

            @Schema(description = "燃油车排量 (毫升)", example = "1498") @Positive
            Integer newCarDisplacementMl,

            @Schema(description = "购车发票号码", example = "25142000000099887766") @NotBlank @Size(max = 40)
            String invoiceNumber,

            @Schema(description = "购车价 (分)", example = "15980000")
            @NotNull
            @Positive
            @Max(SubsidyCalculator.MAX_PRICE_FEN)
            Long priceFen) {}

    @Schema(
            name = "Review",
            description = "审核决定 / a review decision. `version` is the claim version read (optimistic lock).")
    public record Review(
            @Schema(example = "3") @NotNull @Min(0) Long version,

            @Schema(description = "驳回/退回原因 (reject and return)")
            ReasonCode reasonCode,

            @Schema(example = "发票模糊，请重新上传") @Size(max = 500) String note) {}

    @Schema(
            name = "Resubmission",
            description = "补正后重新提交 / resubmit a returned claim, with the corrections the reviewer asked for")
    public record Resubmission(
            @Schema(example = "3") @NotNull @Min(0) Long version,
            @Valid Corrections corrections) {}

    @Schema(
            name = "ClaimCorrections",
            description = "可补正的内容 / what a resubmission may correct. The applicant, the items, the price and the"
                    + " grade cannot change: for those, withdraw the claim and file a new one.")
    public record Corrections(
            @Schema(example = "13812345678") @Pattern(regexp = "1\\d{10}")
            String phone,

            @Schema(description = "收款银行账号 / bank account", example = "6222020200112233445")
            @Pattern(regexp = "\\d{12,30}")
            String bankAccount,

            @Schema(description = "发票号码 / invoice number") @Size(min = 1, max = 40)
            String invoiceNumber,

            @Schema(description = "送货地址 (家电) / delivery address (appliances only)") @Size(min = 1, max = 200)
            String deliveryAddress) {}

    @Schema(name = "Claim", description = "补贴申请 / a claim; applicant masked, amounts in fen")
    public record ClaimView(
            UUID id,

            @Schema(
                    description = "受理编号 / the claim number people read; accepted wherever the id is",
                    example = "LL-141124-2026-000123")
            String claimNumber,

            String programmeId,
            ProgrammeCategory category,

            @Schema(description = "规则版本 / the rule version in force on the purchase date")
            int ruleVersion,

            String county,
            String sellerCreditCode,
            ApplicantView applicant,
            LocalDate purchaseDate,
            ItemView item,
            @Schema(example = "100000") long amountFen,

            @Schema(example = "500000 fen × 1500 bp + grade-1 bonus 500 bp = 100000 fen")
            String computation,

            ClaimStatus status,

            @Schema(description = "等待回收证明 / waiting for the scrap certificate")
            boolean waitingForCertificate,

            @Schema(description = "须先回收旧品 / the old item must be collected before payment (换新+回收)")
            boolean collectionRequired,

            @Schema(description = "旧品回收日期 / when recycling-service recorded the collection; null while it waits")
            LocalDate oldItemCollectedOn,

            ReasonCode reasonCode,
            String reasonNote,
            List<String> flags,

            @Schema(description = "风险摘要 / the flags summed up as a level (LOW, MEDIUM, HIGH) with the reasons")
            RiskSummary risk,

            boolean overdue,
            Instant submittedAt,
            Instant acceptDue,
            Instant reviewDue,
            Instant payDue,
            String reviewedBy,
            Instant approvedAt,
            Instant paidAt,
            long paidAmountFen,
            List<CheckView> checks,

            @Schema(description = "申请材料 / the evidence documents uploaded (empty in listings)")
            List<EvidenceView> evidence,

            @Schema(
                    description = "材料齐全情况 / per kind the rule version requires: present, waived or missing"
                            + " (empty in listings)")
            List<EvidenceKindView> evidenceCompleteness,

            long version) {}

    @Schema(name = "ClaimEvidence", description = "申请材料 / one evidence document of a claim")
    public record EvidenceView(
            UUID id,
            @Schema(example = "NEW_CAR_INVOICE") String kind,
            @Schema(example = "183204") long sizeBytes,

            @Schema(description = "detected from the content", example = "PDF")
            String detectedType,

            @Schema(example = "application/pdf") String mediaType,

            @Schema(example = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08")
            String sha256,

            String uploadedBy,
            Instant uploadedAt) {}

    /** Whether a required kind of evidence is there. */
    public enum EvidenceState {
        PRESENT,
        WAIVED,
        MISSING
    }

    @Schema(name = "ClaimEvidenceKind", description = "材料齐全情况 / one required kind of evidence")
    public record EvidenceKindView(
            @Schema(example = "BANK_ACCOUNT") String kind,
            EvidenceState state,
            @Schema(description = "documents of this kind") int documents,

            @Schema(description = "免予提交 / the waiver, when a reviewer waived the kind")
            WaiverView waiver) {}

    @Schema(name = "EvidenceWaiver", description = "免予提交 / a reviewer's waiver of one kind")
    public record WaiverView(
            @Schema(example = "VERIFIED_BY_SYSTEM") String reasonCode,
            String note,
            String waivedBy,
            Instant waivedAt) {}

    @Schema(name = "ClaimApplicant")
    public record ApplicantView(
            @Schema(example = "张*") String name,
            @Schema(example = "1411**********123X") String idNumber,
            @Schema(example = "6222***********3445") String bankAccount) {}

    @Schema(name = "ClaimItem")
    public record ItemView(
            String productCategory,
            String model,
            String serialNumber,
            String invoiceNumber,
            long priceFen,
            Integer efficiencyGrade,
            String scrapCertificateNumber,
            String oldVin,
            String newVin,
            String newCarPowerType,
            Integer newCarDisplacementMl,

            @Schema(description = "家装厨卫 / 适老化改造: the items with their amounts (null for other categories)")
            List<RenovationItemView> renovationItems) {}

    @Schema(name = "ClaimCheck", description = "自动核验记录 / one automatic check")
    public record CheckView(
            int run,
            @Schema(example = "CERTIFICATE_UNUSED") String code,
            CheckResult.Outcome outcome,
            ReasonCode reasonCode,
            String evidence,
            Instant checkedAt) {}
}
