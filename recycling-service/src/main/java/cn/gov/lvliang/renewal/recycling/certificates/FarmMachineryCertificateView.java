package cn.gov.lvliang.renewal.recycling.certificates;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A farm-machinery scrap certificate (its current version) as the API shows it: the owner masked. */
@Schema(name = "FarmMachineryCertificate", description = "农机报废回收证明 / farm-machinery scrap certificate (owner masked)")
public record FarmMachineryCertificateView(
        String certificateNumber,
        String dismantlerCreditCode,
        IssuedCertificate.Status status,

        @Schema(description = "版本: 签发为 1, 每次更正加 1 / version: 1 as issued, +1 per correction", example = "1")
        int version,

        Details content,
        Instant issuedAt,
        Instant correctedAt,
        @Schema(description = "作废原因 / reason for voiding") String voidReason,
        Instant voidedAt) {

    /** The content of one version, owner masked. */
    @Schema(name = "FarmMachineryDetails", description = "农机报废回收证明内容 (所有人已脱敏) / content, owner masked")
    public record Details(
            @Schema(example = "141124") String county,
            MachineType machineType,
            @Schema(example = "58.8") BigDecimal powerKw,
            String factoryNumber,
            String engineNumber,
            String makeAndModel,
            LocalDate handoverDate,
            Owner owner) {}

    /** 农机所有人 (masked). */
    @Schema(name = "FarmMachineryOwnerMasked", description = "所有人 (已脱敏) / owner, masked")
    public record Owner(
            OwnerKind kind,
            @Schema(example = "王**") String name,

            @Schema(description = "PERSON only", example = "1411**********1233")
            String idNumber,

            @Schema(description = "ORGANISATION only", example = "93141124MA0K1234XB")
            String creditCode) {}

    /** One stored version of the content, as the history shows it. */
    @Schema(name = "FarmMachineryCertificateVersion", description = "农机报废回收证明的一个版本 / one version")
    public record Version(
            int version,

            @Schema(description = "签发 (issued) 或更正原因 / 'issued' or the correction's reason")
            String reason,

            Instant recordedAt,
            Details content) {}
}
