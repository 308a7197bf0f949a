package cn.gov.lvliang.renewal.recycling.certificates;

import java.time.Instant;
import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A scrap certificate as the API shows it: personal data masked. */
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
        ScrapCertificate.Status status,
        Instant issuedAt,
        int version) {

    /** 机动车所有人 (masked). */
    public record Owner(
            @Schema(example = "张*") String name,
            @Schema(example = "1101**********002X") String idNumber) {}
}
