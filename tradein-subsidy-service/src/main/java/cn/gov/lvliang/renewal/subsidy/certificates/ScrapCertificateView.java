package cn.gov.lvliang.renewal.subsidy.certificates;

import java.time.Instant;
import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A scrap certificate as known to the subsidy side, owner masked. */
@Schema(name = "ScrapCertificate", description = "报废机动车回收证明（补贴侧只读副本）/ scrap certificate, read model")
public record ScrapCertificateView(
        String certificateNumber,
        String dismantlerCreditCode,
        String county,
        String vin,
        Owner owner,
        LocalDate firstRegistrationDate,
        LocalDate handoverDate,
        String powerType,
        ScrapCertificateRecord.Status status,
        Instant recordedAt,

        @Schema(description = "注销登记日期 / deregistered on (vehicle.deregistered.v1); null until then")
        LocalDate deregisteredOn) {

    /** 机动车所有人 (masked). */
    public record Owner(
            @Schema(example = "张*") String name,
            @Schema(example = "1101**********002X") String idNumber) {}

    static ScrapCertificateView of(ScrapCertificateRecord r) {
        return new ScrapCertificateView(
                r.certificateNumber,
                r.dismantlerCreditCode,
                r.county,
                r.vin,
                new Owner(r.ownerNameMasked, r.ownerIdMasked),
                r.firstRegistrationDate,
                r.handoverDate,
                r.powerType,
                r.status,
                r.recordedAt,
                r.deregisteredOn);
    }
}
