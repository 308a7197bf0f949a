package cn.gov.lvliang.renewal.equipment.imports;

import cn.gov.lvliang.renewal.equipment.messaging.EquipmentEventData;
import cn.gov.lvliang.renewal.equipment.messaging.EquipmentEvents;
import cn.gov.lvliang.renewal.equipment.register.Category;
import cn.gov.lvliang.renewal.equipment.register.EfficiencyTier;
import cn.gov.lvliang.renewal.equipment.register.EmissionGrade;
import cn.gov.lvliang.renewal.equipment.register.LifecycleStatus;
import cn.gov.lvliang.renewal.platform.events.OutboxBatch;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * What an imported row leaves behind besides the record: its events on {@code equipment.events}
 * (registered or updated, and the lifecycle move the list implies) and its history entry.
 */
final class ImportAnnouncements {

    private final UUID importId;
    private final ObjectMapper json;

    ImportAnnouncements(UUID importId, ObjectMapper json) {
        this.importId = importId;
        this.json = json;
    }

    /** Adds the row's events to the outbox batch. */
    void announce(
            OutboxBatch.Writer events,
            long equipmentId,
            int version,
            RowParser.Parsed row,
            RowAdmission.UnitInfo unit,
            LifecycleStatus from,
            LifecycleStatus to)
            throws SQLException {
        String key = String.valueOf(equipmentId);
        String credit = (String) row.get("unitCreditCode");
        Category category = (Category) row.get("category");
        events.add(
                EquipmentEvents.TOPIC,
                key,
                from == null ? EquipmentEvents.EQUIPMENT_REGISTERED : EquipmentEvents.EQUIPMENT_UPDATED,
                new EquipmentEventData.Registered(
                        equipmentId,
                        credit,
                        (String) row.get("assetTag"),
                        unit.county(),
                        unit.sector(),
                        (String) row.get("name"),
                        EquipmentEventData.code(category),
                        (BigDecimal) row.get("quantity"),
                        (LocalDate) row.get("commissionedOn"),
                        EquipmentEventData.code(to),
                        (Integer) row.get("efficiencyGrade"),
                        EquipmentEventData.code((EfficiencyTier) row.get("efficiencyTier")),
                        EquipmentEventData.code((EmissionGrade) row.get("emissionGrade")),
                        (Long) row.get("originalValueFen"),
                        version));
        if (from == to && from != null) {
            return;
        }
        if (to == LifecycleStatus.RETIREMENT_SCHEDULED) {
            events.add(
                    EquipmentEvents.TOPIC,
                    key,
                    EquipmentEvents.EQUIPMENT_RETIREMENT_SCHEDULED,
                    new EquipmentEventData.RetirementScheduled(
                            equipmentId,
                            credit,
                            unit.county(),
                            unit.sector(),
                            (String) row.get("name"),
                            EquipmentEventData.code(category),
                            (LocalDate) row.get("retirementPlannedOn"),
                            (String) row.get("retirementStandard"),
                            (String) row.get("retirementLegalBasis"),
                            null));
        } else if (to == LifecycleStatus.RENEWAL_PLANNED) {
            events.add(
                    EquipmentEvents.TOPIC,
                    key,
                    EquipmentEvents.RENEWAL_INVESTMENT_PLANNED,
                    new EquipmentEventData.InvestmentPlanned(
                            equipmentId,
                            credit,
                            unit.county(),
                            unit.sector(),
                            EquipmentEventData.code(category),
                            (Long) row.get("renewalInvestmentFen"),
                            (Integer) row.get("renewalPlannedYear"),
                            (String) row.get("renewalTarget"),
                            (String) row.get("renewalImprovement")));
        }
    }

    /** The history entry's {@code after}: the values the file set, the import and the row, as JSON. */
    String historyAfter(int rowNumber, RowParser.Parsed row) {
        Map<String, Object> after = new TreeMap<>();
        row.values().forEach((k, v) -> after.put(k, v instanceof Enum<?> e ? e.name() : v.toString()));
        after.put("importId", importId.toString());
        after.put("row", rowNumber);
        try {
            return json.writeValueAsString(after);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The history action of an imported row. */
    static String historyAction(LifecycleStatus from) {
        return from == null ? "imported-new" : "imported";
    }
}
