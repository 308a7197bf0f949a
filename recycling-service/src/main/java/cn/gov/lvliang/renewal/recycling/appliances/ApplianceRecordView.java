package cn.gov.lvliang.renewal.recycling.appliances;

import cn.gov.lvliang.renewal.recycling.MaterialWeights;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A recorded appliance recycling. */
@Schema(name = "ApplianceRecord", description = "家电回收记录 / appliance recycling record")
public record ApplianceRecordView(
        String recordId,
        String enterpriseCreditCode,
        String county,
        ApplianceCategory category,
        int count,
        BigDecimal weightKg,
        RecyclingSource source,
        String claimId,
        String institutionCreditCode,

        @Schema(description = "公共机构办公设备 (task 43) / office equipment of a public institution")
        boolean officeEquipment,

        Long siteId,
        LocalDate recordedOn,
        MaterialWeights materials,
        Instant recordedAt) {

    static ApplianceRecordView of(ApplianceRecord r) {
        return new ApplianceRecordView(
                r.recordId,
                r.enterpriseCreditCode,
                r.county,
                r.category,
                r.count,
                r.weightKg,
                r.source,
                r.claimId,
                r.institutionCreditCode,
                r.source == RecyclingSource.PUBLIC_INSTITUTION,
                r.siteId,
                r.recordedOn,
                r.materials,
                r.recordedAt);
    }
}
