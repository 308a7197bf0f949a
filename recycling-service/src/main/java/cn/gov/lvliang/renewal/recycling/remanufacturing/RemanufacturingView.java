package cn.gov.lvliang.renewal.recycling.remanufacturing;

import cn.gov.lvliang.renewal.recycling.MaterialWeights;
import java.time.Instant;
import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A remanufacturing record. */
@Schema(name = "RemanufacturingRecord", description = "再制造记录 / remanufacturing record")
public record RemanufacturingView(
        String recordId,
        String enterpriseCreditCode,
        String county,
        String sourceEquipment,
        String sourceEquipmentId,
        String product,
        String productSerial,
        String certificationNumber,
        String certificationBody,
        LocalDate certifiedOn,
        MaterialWeights materials,
        Instant recordedAt) {

    static RemanufacturingView of(RemanufacturingRecord r) {
        return new RemanufacturingView(
                r.recordId,
                r.enterpriseCreditCode,
                r.county,
                r.sourceEquipment,
                r.sourceEquipmentId,
                r.product,
                r.productSerial,
                r.certificationNumber,
                r.certificationBody,
                r.certifiedOn,
                r.materials,
                r.recordedAt);
    }
}
