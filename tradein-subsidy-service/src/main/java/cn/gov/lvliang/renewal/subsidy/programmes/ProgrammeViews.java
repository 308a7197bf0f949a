package cn.gov.lvliang.renewal.subsidy.programmes;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Request and response records of programmes and rule versions. */
public final class ProgrammeViews {

    private ProgrammeViews() {}

    @Schema(
            name = "FundingShares",
            description = "资金分担比例 (基点, 合计 10000) / funding shares in basis points, adding up to 10000")
    public record FundingShares(
            @Schema(example = "9000") @NotNull @Min(0) @Max(10000)
            Integer centralBp,

            @Schema(example = "500") @NotNull @Min(0) @Max(10000)
            Integer provincialBp,

            @Schema(example = "250") @NotNull @Min(0) @Max(10000)
            Integer cityBp,

            @Schema(example = "250") @NotNull @Min(0) @Max(10000)
            Integer countyBp) {}

    @Schema(name = "Programme", description = "补贴项目 / subsidy programme")
    public record ProgrammeView(
            @Schema(example = "HOME-APPLIANCE") String id,
            String name,
            ProgrammeCategory category,
            @Schema(example = "141100") String jurisdiction,
            LocalDate periodStart,
            LocalDate periodEnd,
            Programme.WhenExhausted whenExhausted,
            FundingShares fundingShares,
            List<RuleVersionView> ruleVersions,

            @Schema(description = "停止受理时间；受理中为空 / when it stopped taking claims; null while open")
            Instant closedAt,

            @Schema(description = "停止受理原因 / why it was closed")
            String closedReason,

            long version) {

        static ProgrammeView of(Programme p, List<RuleVersionView> versions) {
            return new ProgrammeView(
                    p.id,
                    p.name,
                    p.category,
                    p.jurisdiction,
                    p.periodStart,
                    p.periodEnd,
                    p.whenExhausted,
                    new FundingShares(p.centralShareBp, p.provincialShareBp, p.cityShareBp, p.countyShareBp),
                    versions,
                    p.closedAt,
                    p.closedReason,
                    p.version);
        }
    }

    @Schema(name = "RuleVersion", description = "规则版本 / rule version")
    public record RuleVersionView(
            Long id,
            int version,
            LocalDate effectiveFrom,
            LocalDate effectiveTo,
            RuleParameters parameters,
            List<String> evidenceRequired,
            boolean collectionRequired,

            @Schema(description = "复核期限（天）/ days after a rejection within which it may be appealed")
            int appealWindowDays,

            String legalBasis,
            Instant createdAt) {}

    @Schema(name = "CreateProgramme", description = "新建补贴项目 / create a programme")
    public record CreateProgramme(
            @Schema(example = "HOME-APPLIANCE-LISHI") @NotBlank @Pattern(regexp = "[A-Z0-9][A-Z0-9-]{2,39}")
            String id,

            @Schema(example = "离石区家电以旧换新") @NotBlank String name,
            @NotNull ProgrammeCategory category,

            @Schema(example = "141100") @NotBlank @Pattern(regexp = "\\d{6}")
            String jurisdiction,

            @NotNull LocalDate periodStart,
            LocalDate periodEnd,
            @NotNull Programme.WhenExhausted whenExhausted,
            @NotNull @Valid FundingShares fundingShares) {}

    @Schema(name = "CloseProgramme", description = "停止受理 / close a programme to new claims")
    public record CloseProgramme(
            @Schema(example = "2025 年度资金已用完，停止受理", required = true) @NotBlank @Size(max = 500)
            String reason) {}

    @Schema(name = "CreateRuleVersion", description = "新增规则版本 (如 2026 年规则) / add a rule version, e.g. the 2026 rules")
    public record CreateRuleVersion(
            @NotNull LocalDate effectiveFrom,
            LocalDate effectiveTo,
            @NotNull @Valid RuleParameters parameters,

            @Schema(example = "[\"APPLICANT_ID\",\"INVOICE\",\"BANK_ACCOUNT\"]") @NotEmpty
            List<@NotBlank String> evidenceRequired,

            @NotNull Boolean collectionRequired,

            @Schema(description = "复核期限（天），默认 15 / appeal window in days, default 15", example = "15") @Min(1) @Max(365)
            Integer appealWindowDays,

            @Schema(example = "发改环资〔2026〕1号") @NotBlank String legalBasis) {}
}
