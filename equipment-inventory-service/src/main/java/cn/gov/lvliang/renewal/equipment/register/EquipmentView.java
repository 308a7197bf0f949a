package cn.gov.lvliang.renewal.equipment.register;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An equipment record as the API shows it, with its derived years in service and active flags. */
@Schema(name = "Equipment", description = "设备记录 / equipment record")
public record EquipmentView(
        @Schema(example = "101") long id,
        @Schema(example = "91141100MA0K0000XA") String unitCreditCode,
        @Schema(example = "JH-2005-017") String assetTag,
        @Schema(example = "141181") String county,
        @Schema(example = "coking") String sector,
        @Schema(example = "4.3米焦炉") String name,
        String model,
        Category category,
        @Schema(example = "1") BigDecimal quantity,
        @Schema(description = "km or set", example = "set") String unitOfMeasure,
        @Schema(example = "2005-06-01") LocalDate commissionedOn,
        @Schema(example = "15") Integer designLifeYears,

        @Schema(description = "已使用年限 (derived) / years in service", example = "21")
        int yearsInService,

        RunningCondition runningCondition,
        Integer efficiencyGrade,
        EfficiencyTier efficiencyTier,
        EmissionGrade emissionGrade,
        VehicleEmissionStandard vehicleEmissionStandard,
        FuelType fuelType,
        VehicleKind vehicleKind,

        @Schema(description = "是否营运; null when unknown / operating (commercial use), null when unknown")
        Boolean operating,

        @Schema(description = "安全隐患数; null when unknown / open safety findings, null when unknown")
        Integer safetyFindings,

        @Schema(description = "原值（分） / original value in fen", example = "1250000000")
        Long originalValueFen,

        String location,
        String registrationCode,
        boolean newBuild,
        String projectName,
        LifecycleStatus status,
        Renewal renewal,
        Retirement retirement,
        List<Flag> flags,
        Instant updatedAt,
        int version) {

    /** 更新改造 (renewal-demand list). */
    public record Renewal(
            Long investmentFen,
            String targetEquipment,
            String expectedImprovement,
            Integer plannedYear,
            Long completedFen,
            LocalDate completedOn) {}

    /** 淘汰 (retirement list). */
    public record Retirement(
            String retirementStandard,
            String legalBasis,
            LocalDate plannedOn,
            String replacement,
            Long replacementId,
            LocalDate retiredOn,
            Disposal disposal) {}

    /** An active flag with its reason and the rule version that raised it. */
    public record Flag(
            @Schema(example = "BEYOND_DESIGN_LIFE") String ruleCode,
            @Schema(example = "1") int ruleVersion,

            @Schema(example = "投产于2005-06-01，已使用21年，达到或超过设计使用年限15年 / …")
            String reason,

            Instant raisedAt) {}
}
