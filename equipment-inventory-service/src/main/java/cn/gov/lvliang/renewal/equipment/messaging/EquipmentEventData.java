package cn.gov.lvliang.renewal.equipment.messaging;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * The data records of the events on {@value EquipmentEvents#TOPIC}, one per event type. None
 * carries personal data. Enumerations travel as their code ({@link #code}), so that this package
 * names no feature type.
 */
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
            String category,
            BigDecimal quantity,
            LocalDate commissionedOn,
            String status,
            Integer efficiencyGrade,
            String efficiencyTier,
            String emissionGrade,
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
            String category,
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
            String category,
            String model,
            BigDecimal quantity,
            LocalDate retiredOn,
            String disposal,
            Long replacementId) {}

    /** Data of renewal.investment-planned. */
    public record InvestmentPlanned(
            long equipmentId,
            String unitCreditCode,
            String county,
            String sector,
            String category,
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
            String category,
            long amountFen,
            LocalDate completedOn,
            String efficiencyTier,
            String emissionGrade) {}

    /** An enumeration's code as the events carry it, or null. */
    public static String code(Enum<?> value) {
        return value == null ? null : value.name();
    }
}
