package cn.gov.lvliang.renewal.recycling.datawipes;

import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A data-wipe certificate; the operator masked. */
@Schema(name = "DataWipeCertificate", description = "数据清除证明 / data-wipe certificate")
public record DataWipeCertificateView(
        String certificateId,
        String enterpriseCreditCode,
        String county,
        DataWipeCertificate.DeviceType deviceType,
        String deviceId,
        DataWipeCertificate.Method method,
        @Schema(example = "王*") String operatorName,
        Instant wipedAt,
        DataWipeCertificate.Verification verificationResult,
        String verificationNote,
        Instant recordedAt) {}
