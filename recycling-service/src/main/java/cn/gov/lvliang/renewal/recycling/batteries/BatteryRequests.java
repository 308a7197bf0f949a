package cn.gov.lvliang.renewal.recycling.batteries;

import cn.gov.lvliang.renewal.platform.identifiers.ValidCreditCode;
import cn.gov.lvliang.renewal.platform.identifiers.ValidVin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Request bodies of the battery-traceability endpoints. */
public final class BatteryRequests {

    /** GB/T 34014 battery code: 24 upper-case letters or digits. */
    static final String PACK_CODE = "[0-9A-Z]{24}";

    private BatteryRequests() {}

    @Schema(name = "RegisterBattery", description = "登记动力电池包 / register a pack taken from a scrapped vehicle")
    public record Register(
            @Schema(description = "电池包编码 (GB/T 34014, 24 位) / pack code", example = "03HPB0DA0001CN7E20240001")
            @NotBlank
            @Pattern(regexp = PACK_CODE, message = "{jakarta.validation.constraints.Pattern.message}")
            String packCode,

            @Schema(description = "来源车辆 VIN / VIN of the scrapped vehicle", example = "LSVAU218XN2183294")
            @NotBlank
            @ValidVin
            String sourceVin,

            @Schema(description = "健康状态 SOH (%) / state of health", example = "82") @NotNull @Min(0) @Max(100)
            Integer stateOfHealthPercent,

            @Schema(
                    description = "接收时间: 链的起点 / when the enterprise took the pack; the chain's start",
                    example = "2024-08-01T09:00:00Z")
            @NotNull
            Instant receivedAt) {}

    @Schema(name = "HandOverBattery", description = "移交 / hand a pack over to the next enterprise")
    public record HandOver(
            @Schema(description = "接收企业 (已登记) / receiving enterprise", example = "91141100MA0K0000XA")
            @NotBlank
            @ValidCreditCode
            String toCreditCode,

            @Schema(
                    description = "移交签名时间, 不得早于上一次签名 / signing time, not before the previous one",
                    example = "2024-08-10T09:00:00Z")
            @NotNull
            Instant handedOverAt,

            @Schema(description = "移交时检测的 SOH (%) / state of health at handover", example = "80") @Min(0) @Max(100)
            Integer stateOfHealthPercent) {}

    @Schema(name = "RepurposeBattery", description = "梯次利用重组 / make a repurposed pack from this one")
    public record Repurpose(
            @Schema(description = "新电池包编码 / the new pack's code", example = "03HPB0DA0001CN7E2024R001")
            @NotBlank
            @Pattern(regexp = PACK_CODE, message = "{jakarta.validation.constraints.Pattern.message}")
            String newPackCode,

            @Schema(description = "新电池包 SOH (%) / state of health", example = "78") @NotNull @Min(0) @Max(100)
            Integer stateOfHealthPercent) {}

    @Schema(name = "ChangeBatteryStatus", description = "变更电池包状态 / set reuse, remanufacturing or waste")
    public record ChangeStatus(
            @Schema(example = "WASTE") @NotNull BatteryStatus status,
            @Schema(example = "40") @Min(0) @Max(100) Integer stateOfHealthPercent) {}
}
