package cn.gov.lvliang.renewal.subsidy.programmes;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The parameters of one rule version, stored as a jsonb document and validated into these
 * records on every write and read. Which sections matter depends on the amount kind.
 */
@Schema(
        name = "RuleParameters",
        description = "补贴规则参数 / rule parameters (amount formula, eligibility, limits, fraud-check thresholds)")
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = false)
public record RuleParameters(
        @NotNull @Valid Amount amount,
        @NotNull @Valid Eligibility eligibility,
        @NotNull @Valid Limits limits,
        @Valid FraudChecks fraudChecks,
        @Valid Truck truck,
        @Valid FarmMachinery farmMachinery,
        @Valid Catalogue catalogue) {

    /** Parameters without fraud-check thresholds: the defaults apply. */
    public RuleParameters(Amount amount, Eligibility eligibility, Limits limits) {
        this(amount, eligibility, limits, null);
    }

    /** Parameters of a programme without a truck table, machine bands or an item catalogue. */
    public RuleParameters(Amount amount, Eligibility eligibility, Limits limits, FraudChecks fraudChecks) {
        this(amount, eligibility, limits, fraudChecks, null, null, null);
    }

    /** The version's fraud-check thresholds, each missing one at its default. */
    public FraudChecks checks() {
        return FraudChecks.withDefaults(fraudChecks);
    }

    /** How the amount is computed. */
    public enum AmountKind {
        /** A fixed amount per power type of the new car (NEV / FUEL). */
        FIXED_BY_NEW_CAR_POWER_TYPE,
        /** A share of the final price, with a bonus for grade 1, capped. */
        PERCENT_OF_PRICE,
        /** 老旧营运柴油货车: a fixed amount from {@code truck.amounts} (class × emission standard × new truck). */
        FIXED_BY_TRUCK_CLASS,
        /** 农机报废: a fixed amount from {@code farmMachinery.bands} (machine type × power band). */
        FIXED_BY_MACHINE_POWER,
        /** Per item of the claim: its catalogue entry's share of its price, capped per item (decision 0040). */
        PERCENT_PER_ITEM
    }

    /** 补贴标准: the amount formula and caps. Rates in basis points (1500 = 15 %). */
    @Schema(name = "RuleAmount")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Amount(
            @NotNull AmountKind kind,

            @Schema(
                    description = "fixed amount in fen per new-car power type",
                    example = "{\"NEV\":2000000,\"FUEL\":1500000}")
            Map<String, @NotNull @Positive Long> fixedFen,

            @Schema(example = "1500") @Min(0) @Max(10000) Integer rateBp,
            @Schema(example = "500") @Min(0) @Max(10000) Integer topGradeBonusBp,
            @Schema(example = "200000") @Positive Long capFen,

            @Schema(description = "highest eligible price in fen", example = "600000") @Positive
            Long maxPriceFen) {}

    /** 申领条件: eligibility cut-offs. */
    @Schema(name = "RuleEligibility")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Eligibility(
            @Schema(description = "worst efficiency grade still eligible (能效等级)", example = "2") @Min(1) @Max(5)
            Integer worstGrade,

            List<@NotNull String> productCategories,

            @Schema(description = "old car first registered on or before, per power type (FUEL/DIESEL/NEV)")
            Map<String, @NotNull LocalDate> oldCarRegisteredOnOrBefore,

            @Schema(description = "the old car in the applicant's name before this date")
            LocalDate ownedBefore,

            @Positive Integer maxNewFuelCarDisplacementMl,

            @Schema(description = "last day to file a claim")
            LocalDate applicationDeadline) {}

    /** 限购: per-person limits. */
    @Schema(name = "RuleLimits")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Limits(
            Map<String, @NotNull @Positive Integer> perPersonPerCategory,
            @Positive Integer defaultPerPersonPerCategory,
            @Positive Integer perPersonPerYear,

            @Schema(
                    description = "限额组 / limit group: claims of every programme whose rule version names the same"
                            + " group count together against perPersonPerGroupPerYear (e.g. CAR: one car subsidy a"
                            + " year, whether scrappage or replacement)",
                    example = "CAR")
            @Pattern(regexp = "[A-Z][A-Z0-9_-]{0,39}")
            String limitGroup,

            @Schema(description = "claims one person may have in the limit group per purchase year", example = "1")
            @Positive
            Integer perPersonPerGroupPerYear) {

        /** Limits without a limit group. */
        public Limits(
                Map<String, Integer> perPersonPerCategory,
                Integer defaultPerPersonPerCategory,
                Integer perPersonPerYear) {
            this(perPersonPerCategory, defaultPerPersonPerCategory, perPersonPerYear, null, null);
        }

        /** How many items of {@code category} one person may claim under the version, if limited. */
        public Integer limitFor(String category) {
            if (perPersonPerCategory != null && perPersonPerCategory.containsKey(category)) {
                return perPersonPerCategory.get(category);
            }
            return defaultPerPersonPerCategory;
        }
    }

    /**
     * 跨申请核查阈值: thresholds of the checks that look across claims (decision 0038). Each is
     * optional; a missing one takes its default (see {@link #withDefaults}).
     *
     * @param sharedContactMaxClaims more claims than this sharing one bank account or one phone
     *     within the period are flagged (default 3)
     * @param sharedContactPeriodDays the period, in days either side of the claim's filing (default 365)
     * @param zeroMileageWindowDays a new car traded as zero-mileage this many days or fewer after its
     *     purchase is flagged (default 365, a local default)
     */
    @Schema(name = "RuleFraudChecks", description = "跨申请核查阈值 / thresholds of the checks across claims")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record FraudChecks(
            @Schema(example = "3") @Positive Integer sharedContactMaxClaims,
            @Schema(example = "365") @Positive Integer sharedContactPeriodDays,
            @Schema(example = "365") @Positive Integer zeroMileageWindowDays) {

        public static final int DEFAULT_SHARED_CONTACT_MAX_CLAIMS = 3;
        public static final int DEFAULT_SHARED_CONTACT_PERIOD_DAYS = 365;
        public static final int DEFAULT_ZERO_MILEAGE_WINDOW_DAYS = 365;

        /** {@code given}'s thresholds, each missing one (or all, when null) at its default. */
        static FraudChecks withDefaults(FraudChecks given) {
            FraudChecks g = given == null ? new FraudChecks(null, null, null) : given;
            return new FraudChecks(
                    g.sharedContactMaxClaims == null ? DEFAULT_SHARED_CONTACT_MAX_CLAIMS : g.sharedContactMaxClaims,
                    g.sharedContactPeriodDays == null ? DEFAULT_SHARED_CONTACT_PERIOD_DAYS : g.sharedContactPeriodDays,
                    g.zeroMileageWindowDays == null ? DEFAULT_ZERO_MILEAGE_WINDOW_DAYS : g.zeroMileageWindowDays);
        }
    }

    /**
     * 老旧营运柴油货车 (decision 0039): the amount table and whether the vehicle must be deregistered
     * (注销登记, {@code vehicle.deregistered.v1}) before the claim is paid.
     *
     * @param amounts one row per vehicle class × emission standard × new truck; a claim matching no
     *     row earns nothing ({@code TRUCK_NOT_COVERED})
     */
    @Schema(name = "RuleTruck", description = "老旧营运柴油货车补贴标准 / old diesel truck amounts and payment condition")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Truck(
            @Schema(description = "注销登记后方可拨付 / pay only after vehicle.deregistered.v1 arrived")
            boolean deregistrationBeforePayment,

            @NotNull @Size(min = 1, max = 100) List<@NotNull @Valid TruckAmount> amounts) {}

    /**
     * One row of the truck table.
     *
     * @param newTruck {@code NONE} for scrapping only (仅报废), else the new truck's power type
     */
    @Schema(name = "RuleTruckAmount")
    public record TruckAmount(
            @Schema(example = "HEAVY") @NotNull @Pattern(regexp = "MEDIUM|HEAVY")
            String vehicleClass,

            @Schema(example = "CHINA_IV") @NotNull @Pattern(regexp = "CHINA_III|CHINA_IV")
            String emissionStandard,

            @Schema(example = "NEV") @NotNull @Pattern(regexp = "NONE|NEV|CHINA_VI")
            String newTruck,

            @Schema(example = "4500000") @NotNull @Positive Long amountFen) {}

    /** 农机报废更新 (decision 0039): the amount table by machine type and power band. */
    @Schema(name = "RuleFarmMachinery", description = "农机报废补贴额一览表 / farm machinery amounts by type and power")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record FarmMachinery(
            @NotNull @Size(min = 1, max = 500) List<@NotNull @Valid MachineBand> bands) {}

    /**
     * One power band of one machine type: {@code minKw ≤ power < maxKw} ({@code maxKw} null: no upper
     * bound).
     */
    @Schema(name = "RuleMachineBand")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record MachineBand(
            @Schema(example = "TRACTOR") @NotNull @Pattern(regexp = "[A-Z][A-Z0-9_]{1,39}")
            String machineType,

            @Schema(example = "58.8") @NotNull @DecimalMin("0")
            BigDecimal minKw,

            @Schema(example = "73.5") @DecimalMin(value = "0", inclusive = false)
            BigDecimal maxKw,

            @Schema(example = "1500000") @NotNull @Positive Long amountFen) {

        /** Whether {@code powerKw} of {@code type} falls in this band. */
        public boolean covers(String type, BigDecimal powerKw) {
            return machineType.equals(type)
                    && powerKw.compareTo(minKw) >= 0
                    && (maxKw == null || powerKw.compareTo(maxKw) < 0);
        }
    }

    /**
     * 补贴品目录: the items a home-renovation (家装厨卫) or elderly-retrofit (适老化改造) claim may
     * name, each with its rate and cap, and the household limit (decision 0040).
     *
     * @param householdLimitFen the most one household (the applicant) receives from the programme over
     *     the rule version's period
     */
    @Schema(
            name = "RuleCatalogue",
            description = "补贴品目录 / the covered items of home renovation and elderly retrofit, each with its rate"
                    + " and cap, and the household limit over the rule version's period")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Catalogue(
            @NotEmpty @Size(max = 200) List<@NotNull @Valid CatalogueItem> items,

            @Schema(description = "每户累计补贴上限 (分) / household limit in fen", example = "2000000") @NotNull @Positive
            Long householdLimitFen) {

        /** The entry of {@code code}, if the catalogue has it. */
        public java.util.Optional<CatalogueItem> item(String code) {
            return items.stream().filter(i -> i.code().equals(code)).findFirst();
        }
    }

    /** One covered item: its code, its Chinese name, its rate and its per-item cap. */
    @Schema(name = "RuleCatalogueItem", description = "补贴品 / one covered item")
    public record CatalogueItem(
            @Schema(example = "GRAB_BAR") @NotNull @Pattern(regexp = "[A-Z][A-Z0-9_]{1,39}")
            String code,

            @Schema(example = "扶手") @NotBlank @Size(max = 64)
            String name,

            @Schema(description = "补贴比例 (基点) / rate in basis points", example = "3000") @NotNull @Min(0) @Max(10000)
            Integer rateBp,

            @Schema(description = "单件补贴上限 (分) / per-item cap in fen", example = "50000") @NotNull @Positive
            Long capFen) {}

    /**
     * Consistency that Bean Validation cannot express.
     *
     * @return the problems found, empty when the parameters are usable
     */
    public List<String> inconsistencies() {
        List<String> problems = new java.util.ArrayList<>();
        if ((limits.limitGroup() == null) != (limits.perPersonPerGroupPerYear() == null)) {
            problems.add("limits.limitGroup and limits.perPersonPerGroupPerYear go together");
        }
        switch (amount.kind()) {
            case FIXED_BY_NEW_CAR_POWER_TYPE -> {
                if (amount.fixedFen() == null || amount.fixedFen().isEmpty()) {
                    problems.add("amount.fixedFen is required for " + amount.kind());
                }
            }
            case FIXED_BY_TRUCK_CLASS -> {
                if (truck == null) {
                    problems.add("truck is required for " + amount.kind());
                }
            }
            case FIXED_BY_MACHINE_POWER -> {
                if (farmMachinery == null) {
                    problems.add("farmMachinery is required for " + amount.kind());
                } else {
                    farmMachinery.bands().stream()
                            .filter(b -> b.maxKw() != null && b.maxKw().compareTo(b.minKw()) <= 0)
                            .forEach(b -> problems.add("farmMachinery.bands: " + b.machineType() + " maxKw " + b.maxKw()
                                    + " is not above minKw " + b.minKw()));
                }
            }
            case PERCENT_PER_ITEM -> {
                if (catalogue == null) {
                    problems.add("catalogue is required for " + amount.kind());
                } else if (catalogue.items().stream()
                                .map(CatalogueItem::code)
                                .distinct()
                                .count()
                        < catalogue.items().size()) {
                    problems.add("catalogue.items has a code twice");
                }
            }
            case PERCENT_OF_PRICE -> {
                if (amount.rateBp() == null) {
                    problems.add("amount.rateBp is required for " + amount.kind());
                }
                if (amount.capFen() == null) {
                    problems.add("amount.capFen is required for " + amount.kind());
                }
            }
        }
        return problems;
    }
}
