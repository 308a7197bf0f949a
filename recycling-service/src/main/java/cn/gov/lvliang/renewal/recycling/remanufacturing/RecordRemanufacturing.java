package cn.gov.lvliang.renewal.recycling.remanufacturing;

import cn.gov.lvliang.renewal.recycling.MaterialWeights;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The body of "record a remanufacturing". */
@Schema(name = "RecordRemanufacturing", description = "登记再制造 / record a remanufactured product")
public record RecordRemanufacturing(
        @Schema(description = "旧件/来源设备 / source equipment", example = "矿用液压支架 ZY6800") @NotBlank @Size(max = 200)
        String sourceEquipment,

        @Schema(description = "设备台账编号 (若有) / equipment id in the inventory, if known", example = "EQ-2024-0042")
        @Size(max = 64)
        String sourceEquipmentId,

        @Schema(description = "再制造产品 / product", example = "再制造液压支架立柱") @NotBlank @Size(max = 200)
        String product,

        @Schema(description = "产品编号 / serial", example = "RM-2025-0007") @NotBlank @Size(max = 64)
        String productSerial,

        @Schema(description = "质量认证证书编号 / quality certification", example = "CQC-RM-2025-1234")
        @NotBlank
        @Size(max = 64)
        String certificationNumber,

        @Schema(description = "认证机构 / certification body", example = "中国质量认证中心") @NotBlank @Size(max = 128)
        String certificationBody,

        @Schema(description = "认证日期 / certified on", example = "2025-03-20") @NotNull
        LocalDate certifiedOn,

        @Schema(description = "回用材料重量 / material weights recovered") @Valid @NotNull
        MaterialWeights materials) {}
