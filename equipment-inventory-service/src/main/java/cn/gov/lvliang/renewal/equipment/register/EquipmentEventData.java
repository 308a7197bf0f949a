package cn.gov.lvliang.renewal.equipment.register;

import java.math.BigDecimal;
import java.time.LocalDate;

/** The data records of the events on {@code equipment.events}. None carries personal data. */
public final class EquipmentEventData {

    private EquipmentEventData() {}

    /** Data of equipment.registered and equipment.updated. */
    public record Registered(
            long equipmentId,
            String unitCreditCode,
            String assetTag,
            String county,
            String sector,
            String name,
            Category category,
            BigDecimal quantity,
            LocalDate commissionedOn,
            LifecycleStatus status,
            Integer efficiencyGrade,
            EfficiencyTier efficiencyTier,
            EmissionGrade emissionGrade,
            Long originalValueFen,
            int version) {}

    /** Data of equipment.flagged. */
    public record Flagged(
            long equipmentId, String unitCreditCode, String county, String ruleCode, int ruleVersion, String reason) {}

    /** Data of equipment.retirement-scheduled. */
    public record RetirementScheduled(
            long equipmentId,
            String unitCreditCode,
            String county,
            String sector,
            String name,
            Category category,
            LocalDate plannedOn,
            String retirementStandard,
            String legalBasis,
            Long replacementId) {}

    /** Data of equipment.retired (cn.gov.lvliang.equipment.equipment.retired.v1). */
    public record Retired(
            long equipmentId,
            String unitCreditCode,
            String county,
            String sector,
            String name,
            Category category,
            String model,
            BigDecimal quantity,
            LocalDate retiredOn,
            Disposal disposal,
            Long replacementId) {}

    /** Data of renewal.investment-planned. */
    public record InvestmentPlanned(
            long equipmentId,
            String unitCreditCode,
            String county,
            String sector,
            Category category,
            long amountFen,
            int plannedYear,
            String target,
            String expectedImprovement) {}

    /** Data of renewal.investment-completed (cn.gov.lvliang.equipment.renewal.investment-completed.v1). */
    public record InvestmentCompleted(
            long equipmentId,
            String unitCreditCode,
            String county,
            String sector,
            Category category,
            long amountFen,
            LocalDate completedOn,
            EfficiencyTier efficiencyTier,
            EmissionGrade emissionGrade) {}

    public static Registered registered(Equipment e) {
        return new Registered(
                e.id,
                e.unitCreditCode,
                e.assetTag,
                e.county,
                e.sectorCode,
                e.name,
                e.category,
                e.quantity,
                e.commissionedOn,
                e.status(),
                e.efficiencyGrade == null ? null : e.efficiencyGrade.intValue(),
                e.efficiencyTier,
                e.emissionGrade,
                e.originalValueFen,
                e.version);
    }
}
