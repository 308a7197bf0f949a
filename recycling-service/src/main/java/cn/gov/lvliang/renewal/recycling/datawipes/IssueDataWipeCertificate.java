package cn.gov.lvliang.renewal.recycling.datawipes;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The body of "issue a data-wipe certificate". */
@Schema(name = "IssueDataWipeCertificate", description = "出具数据清除证明 / certify a data wipe")
public record IssueDataWipeCertificate(
        @Schema(example = "PHONE") @NotNull DataWipeCertificate.DeviceType deviceType,

        @Schema(description = "设备标识 (IMEI / 序列号) / device identifier", example = "356938035643809")
        @NotBlank
        @Size(max = 64)
        @Pattern(regexp = "[A-Za-z0-9-]+")
        String deviceId,

        @Schema(example = "CRYPTOGRAPHIC_ERASE") @NotNull DataWipeCertificate.Method method,

        @Schema(description = "操作人 (加密存储) / operator, stored encrypted", example = "王五") @NotBlank @Size(max = 64)
        String operatorName,

        @Schema(description = "清除时间 / when", example = "2025-03-02T10:15:00Z") @NotNull
        Instant wipedAt,

        @Schema(description = "校验结果 / verification", example = "PASSED") @NotNull
        DataWipeCertificate.Verification verificationResult,

        @Schema(description = "校验说明 / note", example = "抽样恢复测试未恢复出用户数据") @Size(max = 500)
        String verificationNote) {}
