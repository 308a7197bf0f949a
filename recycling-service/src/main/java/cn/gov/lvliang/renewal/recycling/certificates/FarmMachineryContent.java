package cn.gov.lvliang.renewal.recycling.certificates;

import cn.gov.lvliang.renewal.platform.identifiers.CountyCode;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * What a farm-machinery scrap certificate (农机报废回收证明) records about the machine and its owner:
 * everything but the number and the dismantler, which never change. A correction sends all of it
 * again as the new version.
 */
@Schema(name = "FarmMachineryContent", description = "农机报废回收证明内容 / the certificate's content")
public record FarmMachineryContent(
        @Schema(description = "县级行政区划代码 / county area code", example = "141124") @NotBlank @CountyCode
        String county,

        @Schema(description = "机具品目 / machine type (the amount table's row)") @NotNull
        MachineType machineType,

        @Schema(description = "功率 (千瓦), 一位小数 / power in kW, one decimal", example = "58.8")
        @NotNull
        @DecimalMin(value = "0", inclusive = false)
        @DecimalMax(MAX_POWER_KW)
        @Digits(integer = 4, fraction = 1)
        BigDecimal powerKw,

        @Schema(description = "出厂编号 / factory (serial) number", example = "DF2010-08-004512")
        @NotBlank
        @Size(max = 40)
        @Pattern(regexp = SERIAL)
        String factoryNumber,

        @Schema(description = "发动机号 (可空) / engine number, optional", example = "YC4D80-K20A1234")
        @Size(max = 40)
        @Pattern(regexp = SERIAL)
        String engineNumber,

        @Schema(description = "厂牌型号 / make and model", example = "东方红 LX904") @NotBlank @Size(max = 64)
        String makeAndModel,

        @Schema(description = "交机日期 / handover date", example = "2025-03-18") @NotNull
        LocalDate handoverDate,

        @Schema(description = "所有人 / owner") @Valid @NotNull FarmMachineryOwner owner) {

    /** The most powerful farm machines in service (large tractors, combines) stay well below 1,000 kW. */
    public static final String MAX_POWER_KW = "1000";

    /** Factory and engine numbers: upper-case letters, digits, dashes and slashes. */
    public static final String SERIAL = "[A-Z0-9][A-Z0-9/-]*";
}
