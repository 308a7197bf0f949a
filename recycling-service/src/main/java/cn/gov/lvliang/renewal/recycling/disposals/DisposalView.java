package cn.gov.lvliang.renewal.recycling.disposals;

import cn.gov.lvliang.renewal.recycling.MaterialWeights;
import java.time.Instant;
import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A disposal record. */
@Schema(name = "DisposalRecord", description = "处置记录 / disposal of retired equipment")
public record DisposalView(
        long id,
        String equipmentId,
        String unitCreditCode,
        String county,
        String name,
        String category,
        LocalDate retiredOn,

        @Schema(description = "淘汰时计划的处置方式 / planned disposal, as announced")
        String plannedDisposal,

        DisposalRecord.Status status,
        DisposalOutcome outcome,
        String handlerCreditCode,
        LocalDate closedOn,
        MaterialWeights materials,
        Instant openedAt,
        int version) {

    static DisposalView of(DisposalRecord r) {
        return new DisposalView(
                r.id,
                r.equipmentId,
                r.unitCreditCode,
                r.county,
                r.name,
                r.category,
                r.retiredOn,
                r.plannedDisposal,
                r.status,
                r.outcome,
                r.handlerCreditCode,
                r.closedOn,
                r.materials,
                r.openedAt,
                r.version);
    }
}
