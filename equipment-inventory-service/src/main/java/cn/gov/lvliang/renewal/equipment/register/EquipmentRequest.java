package cn.gov.lvliang.renewal.equipment.register;

import cn.gov.lvliang.renewal.equipment.units.ValidUnitCode;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The body of "register equipment" and "change equipment". */
@Schema(name = "EquipmentRequest", description = "登记或修改设备 / register or change an equipment record")
public record EquipmentRequest(
        @Schema(
                description = "项目单位统一社会信用代码, 自然人单位为其单位编码 (ZR…) / the unit's credit code, or a"
                        + " natural person's unit code (ZR + county + 10 digits, assigned at registration)",
                example = "91141100MA0K0000XA")
        @NotBlank
        @ValidUnitCode
        String unitCreditCode,

        @Schema(
                description = "资产编号 (unique within the unit): a letter or digit, then up to 63 letters, digits"
                        + " or _ . / - / asset tag",
                example = "JH-2005-017",
                maxLength = 64)
        @NotBlank
        @AssetTag
        String assetTag,

        @Schema(description = "设备名称 / name", example = "4.3米焦炉") @NotBlank @Size(max = 200)
        String name,

        @Schema(description = "规格型号 / model", example = "JN43-80") @Size(max = 200)
        String model,

        @Schema(description = "设备类别 / category") @NotNull Category category,

        @Schema(description = "数量 (km for pipelines, sets otherwise) / quantity", example = "1")
        @NotNull
        @DecimalMin(value = "0.001")
        @Digits(integer = 11, fraction = 3)
        BigDecimal quantity,

        @Schema(description = "投产时间 / commissioning date", example = "2005-06-01") @NotNull
        LocalDate commissionedOn,

        @Schema(description = "设计使用年限（年） / design life in years", example = "15") @Min(1) @Max(100)
        Integer designLifeYears,

        @Schema(description = "运行状况 / running condition") RunningCondition runningCondition,

        @Schema(description = "能效等级 1-5 (1 best) / efficiency grade", example = "3") @Min(1) @Max(5)
        Integer efficiencyGrade,

        @Schema(description = "能效水平 / efficiency tier") EfficiencyTier efficiencyTier,

        @Schema(description = "环保绩效等级 / emission-performance grade")
        EmissionGrade emissionGrade,

        @Schema(description = "排放标准 (vehicles) / vehicle emission standard")
        VehicleEmissionStandard vehicleEmissionStandard,

        @Schema(description = "燃料类型 / fuel") FuelType fuelType,

        @Schema(description = "车辆类型 (vehicles) / vehicle kind")
        VehicleKind vehicleKind,

        @Schema(
                description = "是否营运, absent when unknown / operating (commercial use), absent when unknown",
                example = "false")
        Boolean operating,

        @Schema(
                description = "未整改安全隐患数, absent when unknown / open safety findings, absent when unknown",
                example = "0")
        @PositiveOrZero
        @Max(1000)
        Integer safetyFindings,

        @Schema(description = "原值（分） / original value in fen", example = "1250000000") @PositiveOrZero
        Long originalValueFen,

        @Schema(description = "所在位置 / location", example = "孝义市梧桐镇") @Size(max = 200)
        String location,

        @Schema(description = "特种设备使用登记证编号 / special-equipment registration code", example = "梯11晋J00123(21)")
        @Size(max = 64)
        String registrationCode,

        @Schema(description = "新建项目设备 (task 3) / new-build project equipment", example = "false")
        Boolean newBuild,

        @Schema(description = "所属新建项目 / new-build project name", example = "焦化升级改造项目") @Size(max = 200)
        String projectName,

        @Schema(description = "版本号，修改时必填 / version, required when changing", example = "0")
        Integer version) {}
