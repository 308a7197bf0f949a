package cn.gov.lvliang.renewal.equipment.register;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Bodies of the lifecycle operations. */
public final class LifecycleRequests {

    private LifecycleRequests() {}

    @Schema(name = "RenewalPlan", description = "更新改造计划 / renewal plan (renewal-demand list)")
    public record RenewalPlan(
            @Schema(description = "计划投资（分） / planned investment in fen", example = "300000000") @NotNull @PositiveOrZero
            Long investmentFen,

            @Schema(description = "目标设备 / target equipment", example = "5.5米捣固焦炉") @NotBlank @Size(max = 200)
            String targetEquipment,

            @Schema(
                    description = "预期节能降碳或减排效果 / expected energy or emission improvement",
                    example = "能效达节能水平，年节标煤1.2万吨")
            @Size(max = 500)
            String expectedImprovement,

            @Schema(description = "计划实施年度 / planned year", example = "2025") @NotNull @Min(2024) @Max(2035)
            Integer plannedYear,

            @Schema(description = "版本号 / version", example = "0") @NotNull
            Integer version) {}

    @Schema(name = "RenewalCompletion", description = "更新改造完成 / renewal completed")
    public record RenewalCompletion(
            @Schema(description = "完成投资（分） / invested amount in fen", example = "280000000") @NotNull @PositiveOrZero
            Long amountFen,

            @Schema(description = "完成日期 / completion date", example = "2025-10-31") @NotNull
            LocalDate completedOn,

            @Schema(description = "改造后能效水平 / tier after renewal")
            EfficiencyTier efficiencyTier,

            @Schema(description = "改造后环保绩效 / emission grade after renewal")
            EmissionGrade emissionGrade,

            @Schema(description = "版本号 / version", example = "1") @NotNull
            Integer version) {}

    @Schema(name = "RetirementSchedule", description = "列入淘汰清单 / schedule retirement (retirement list)")
    public record RetirementSchedule(
            @Schema(description = "淘汰标准 / retirement standard", example = "炭化室高度4.3米及以下焦炉") @NotBlank @Size(max = 300)
            String retirementStandard,

            @Schema(description = "法规依据 / legal basis", example = "《产业结构调整指导目录（2024年本）》") @NotBlank @Size(max = 300)
            String legalBasis,

            @Schema(description = "计划淘汰日期 / planned date", example = "2025-12-31") @NotNull
            LocalDate plannedOn,

            @Schema(description = "替代设备 / replacement equipment (words)", example = "6.25米捣固焦炉") @Size(max = 200)
            String replacement,

            @Schema(description = "替代设备记录编号 / replacement equipment id", example = "42")
            Long replacementId,

            @Schema(description = "版本号 / version", example = "0") @NotNull
            Integer version) {}

    @Schema(name = "Retirement", description = "淘汰并处置 / retire and dispose")
    public record Retirement(
            @Schema(description = "淘汰日期 / retired on", example = "2025-11-30") @NotNull
            LocalDate retiredOn,

            @Schema(description = "处置方式 / disposal") @NotNull
            Disposal disposal,

            @Schema(description = "替代设备记录编号 / replacement equipment id", example = "42")
            Long replacementId,

            @Schema(description = "版本号 / version", example = "2") @NotNull
            Integer version) {}
}
