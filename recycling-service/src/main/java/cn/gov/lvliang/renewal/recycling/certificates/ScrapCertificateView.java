package cn.gov.lvliang.renewal.recycling.certificates;

import java.time.Instant;
import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A scrap certificate (its current version) as the API shows it: personal data masked. */
@Schema(name = "ScrapCertificate", description = "报废机动车回收证明 / scrap certificate (owner masked)")
public record ScrapCertificateView(
        String certificateNumber,
        String dismantlerCreditCode,
        String county,
        String vin,
        Owner owner,
        String plate,
        LocalDate firstRegistrationDate,
        LocalDate handoverDate,
        PowerType powerType,
        String vehicleType,
        String vehicleUse,
        String makeAndModel,
        Integer kerbWeightKg,
        String engineNumber,
        String batteryPackCode,
        ScrapCertificate.Status status,
        Instant issuedAt,

        @Schema(description = "版本: 签发为 1, 每次更正加 1 / version: 1 as issued, +1 per correction", example = "1")
        int version,

        Instant correctedAt,

        @Schema(description = "注销登记日期, 未注销为空 / deregistration date, null until deregistered")
        LocalDate deregisteredOn,

        @Schema(description = "作废原因 / reason for voiding") String voidReason,
        Instant voidedAt) {

    /** 机动车所有人 (masked). */
    public record Owner(
            @Schema(example = "张*") String name,
            @Schema(example = "1101**********002X") String idNumber,
            @Schema(example = "138****5678") String phone,
            @Schema(example = "吕梁市临县****") String address) {}

    /** One stored version of the content, as the history shows it. */
    @Schema(name = "ScrapCertificateVersion", description = "回收证明的一个版本 / one version of a certificate")
    public record Version(
            int version,

            @Schema(description = "签发 (issued) 或更正原因 / 'issued' or the correction's reason")
            String reason,

            Instant recordedAt,
            String county,
            String vin,
            Owner owner,
            String plate,
            LocalDate firstRegistrationDate,
            LocalDate handoverDate,
            PowerType powerType,
            String vehicleType,
            String vehicleUse,
            String makeAndModel,
            Integer kerbWeightKg,
            String engineNumber,
            String batteryPackCode) {}
}
