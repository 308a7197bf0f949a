package cn.gov.lvliang.renewal.subsidy.claims;

import cn.gov.lvliang.renewal.platform.identifiers.CountyCode;
import cn.gov.lvliang.renewal.platform.identifiers.ValidCreditCode;
import cn.gov.lvliang.renewal.platform.identifiers.ValidResidentIdNumber;
import cn.gov.lvliang.renewal.platform.identifiers.ValidVin;
import cn.gov.lvliang.renewal.subsidy.programmes.ProgrammeCategory;
import cn.gov.lvliang.renewal.subsidy.programmes.SubsidyCalculator;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
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
                    + " programmes, `car` for car programmes, `truck` for old diesel trucks (老旧营运柴油货车),"
                    + " `farmMachinery` for farm machinery (农机报废更新), `renovation` for home-renovation (家装厨卫)"
                    + " and elderly-retrofit (适老化改造) programmes.")
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
            @Valid TruckItem truck,
            @Valid FarmMachineryItem farmMachinery,
            @Valid RenovationItems renovation) {

        /** A claim of the sections appliance or car only (the categories before decision 0039). */
        public CreateClaim(
                String programmeId,
                String county,
                String sellerCreditCode,
                Applicant applicant,
                LocalDate purchaseDate,
                ApplianceItem appliance,
                CarItem car) {
            this(programmeId, county, sellerCreditCode, applicant, purchaseDate, appliance, car, null, null, null);
        }
    }

    /** 排放标准 of an old diesel truck: 国三 (and older) or 国四. */
    public enum EmissionStandard {
        /** 国三及以下. */
        CHINA_III,
        /** 国四. */
        CHINA_IV
    }

    /** 车辆类别 of an old diesel truck. */
    public enum TruckClass {
        /** 中型. */
        MEDIUM,
        /** 重型. */
        HEAVY
    }

    /** What replaces a scrapped truck. */
    public enum NewTruck {
        /** 仅报废 / scrapped only. */
        NONE,
        /** 新能源货车. */
        NEV,
        /** 国六排放标准柴油货车. */
        CHINA_VI
    }

    @Schema(
            name = "TruckItem",
            description = "老旧营运柴油货车 / the old operating diesel truck, its scrap certificate and the new truck"
                    + " (decision 0039). `newVin`, `invoiceNumber` and `priceFen` are given when `newTruck` is not"
                    + " NONE, and only then.")
    public record TruckItem(
            @Schema(description = "旧车车辆识别代号 / the old truck's VIN", example = "LFWSRXRJ5E1F30001") @NotBlank @ValidVin
            String vin,

            @Schema(description = "排放标准 / emission standard: CHINA_III (国三及以下) or CHINA_IV (国四)") @NotNull
            EmissionStandard emissionStandard,

            @Schema(description = "车辆类别 / vehicle class: MEDIUM (中型) or HEAVY (重型)") @NotNull
            TruckClass vehicleClass,

            @Schema(
                    description =
                            "道路运输证号 / operating licence number: 12 digits, the issuing area's 6-digit code" + " first",
                    example = "141102000123")
            @NotBlank
            @Pattern(regexp = "[1-8]\\d{11}")
            String operatingLicenceNumber,

            @Schema(description = "报废机动车回收证明编号 / scrap certificate number", example = "LL-2025-000123")
            @NotBlank
            @Pattern(regexp = "[A-Z0-9][A-Z0-9-]{5,31}")
            String scrapCertificateNumber,

            @Schema(description = "新购货车 / the new truck's power: NONE (仅报废), NEV (新能源) or CHINA_VI (国六柴油)") @NotNull
            NewTruck newTruck,

            @Schema(description = "新车车辆识别代号 / the new truck's VIN") @ValidVin
            String newVin,

            @Schema(description = "购车发票号码 / the new truck's invoice number") @Size(min = 1, max = 40)
            String invoiceNumber,

            @Schema(description = "购车价 (分) / the new truck's price in fen")
            @Positive
            @Max(SubsidyCalculator.MAX_PRICE_FEN)
            Long priceFen) {}

    @Schema(
            name = "FarmMachineryItem",
            description = "农机报废更新 / the scrapped farm machine, as its farm-machinery scrap certificate names it"
                    + " (decision 0039)")
    public record FarmMachineryItem(
            @Schema(description = "农机报废回收证明编号 / farm-machinery certificate number", example = "NJ-2025-000123")
            @NotBlank
            @Pattern(regexp = "[A-Z0-9][A-Z0-9-]{5,31}")
            String certificateNumber,

            @Schema(description = "机具种类 / machine type (the amount table's row)", example = "TRACTOR")
            @NotBlank
            @Pattern(regexp = "[A-Z][A-Z0-9_]{1,39}")
            String machineType,

            @Schema(description = "功率 (千瓦) / power in kW", example = "58.8")
            @NotNull
            @DecimalMin(value = "0", inclusive = false)
            @DecimalMax("100000")
            @Digits(integer = 6, fraction = 2)
            BigDecimal powerKw) {}

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

            @Schema(
                    description =
                            "居民身份证号码 (GB 11643); required unless the applicant is an organisation" + " (creditCode)",
                    example = "141124198001011233")
            @ValidResidentIdNumber
            String idNumber,

            @Schema(example = "13812345678") @Pattern(regexp = "1\\d{10}")
            String phone,

            @Schema(description = "收款银行账号 / bank account", example = "6222020200112233445")
            @NotBlank
            @Pattern(regexp = "\\d{12,30}")
            String bankAccount,

            @Schema(
                    description = "统一社会信用代码 of an organisation applicant (农民专业合作社, 企业), instead of"
                            + " idNumber; farm machinery programmes only (decision 0039)",
                    example = "93141100MA0K00001A")
            @ValidCreditCode
            String creditCode) {

        /** A person applicant. */
        public Applicant(String name, String idNumber, String phone, String bankAccount) {
            this(name, idNumber, phone, bankAccount, null);
        }
    }

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

            long version,

            @Schema(description = "老旧营运柴油货车 / the truck section (truck claims only)")
            TruckView truck,

            @Schema(description = "农机报废更新 / the farm machine (farm-machinery claims only)")
            FarmMachineryView farmMachinery) {}

    @Schema(
            name = "ClaimTruck",
            description = "老旧营运柴油货车 / a truck claim's truck; while `waitingForDeregistration`, payment batches"
                    + " leave the claim out (注销登记后方可拨付)")
    public record TruckView(
            String vin,
            EmissionStandard emissionStandard,
            TruckClass vehicleClass,
            String operatingLicenceNumber,
            NewTruck newTruck,

            @Schema(description = "须先注销登记 / the rule version pays only after vehicle.deregistered.v1")
            boolean deregistrationRequired,

            @Schema(description = "注销登记日期 / when the vehicle was deregistered; null until the event arrives")
            LocalDate deregisteredOn,

            @Schema(description = "等待注销登记 / approved or not, payment waits for the deregistration")
            boolean waitingForDeregistration) {}

    @Schema(name = "ClaimFarmMachinery", description = "农机报废更新 / a farm-machinery claim's machine")
    public record FarmMachineryView(
            String certificateNumber,
            @Schema(example = "TRACTOR") String machineType,
            BigDecimal powerKw) {}

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
            @Schema(example = "6222***********3445") String bankAccount,

            @Schema(description = "统一社会信用代码 of an organisation applicant; null for a person")
            String creditCode) {}

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
