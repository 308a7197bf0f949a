package cn.gov.lvliang.renewal.recycling.appliances;

import cn.gov.lvliang.renewal.platform.identifiers.ValidCreditCode;
import cn.gov.lvliang.renewal.recycling.MaterialWeights;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The body of "record recycled appliances or office equipment". */
@Schema(name = "RecordApplianceRecycling", description = "登记家电/办公设备回收 / record recycled appliances")
public record RecordApplianceRecycling(
        @Schema(example = "REFRIGERATOR") @NotNull ApplianceCategory category,

        @Schema(description = "件数 / count", example = "1") @NotNull @Positive @Max(100_000)
        Integer count,

        @Schema(description = "总重量 (千克) / total weight, kg", example = "55.0")
        @NotNull
        @DecimalMin(value = "0", inclusive = false)
        @Digits(integer = 9, fraction = 3)
        BigDecimal weightKg,

        @Schema(example = "TRADE_IN_COLLECTION") @NotNull RecyclingSource source,

        @Schema(
                description = "以旧换新补贴申请编号, 仅以旧换新回收 / the trade-in claim, trade-in collection only",
                example = "CLM-2025-000123")
        @Size(max = 64)
        String claimId,

        @Schema(
                description = "公共机构统一社会信用代码, 公共机构来源必填 / the public institution, required for that" + " source",
                example = "12141100MB0000000X")
        @ValidCreditCode
        String institutionCreditCode,

        @Schema(description = "回收网点 / collection site", example = "12")
        Long siteId,

        @Schema(description = "回收日期 / date", example = "2025-03-02") @NotNull
        LocalDate recordedOn,

        @Schema(description = "按材料分的重量 / weight by material") @Valid @NotNull
        MaterialWeights materials) {}
