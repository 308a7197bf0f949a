package cn.gov.lvliang.renewal.equipment.register;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** Cross-field rules of an equipment record, shared by the API and the bulk import. Pure Java. */
public final class EquipmentChecks {

    private EquipmentChecks() {}

    /** A broken rule: the field and the message key. */
    public record Violation(String field, String messageKey) {}

    public static List<Violation> check(
            Category category,
            BigDecimal quantity,
            LocalDate commissionedOn,
            LocalDate today,
            VehicleEmissionStandard standard,
            VehicleKind vehicleKind,
            String registrationCode) {
        List<Violation> violations = new ArrayList<>();
        if (commissionedOn != null && commissionedOn.isAfter(today)) {
            violations.add(new Violation("commissionedOn", "field.date-in-future"));
        }
        if (category != null && quantity != null && category != Category.PIPELINE) {
            if (quantity.stripTrailingZeros().scale() > 0) {
                violations.add(new Violation("quantity", "field.whole-sets"));
            }
        }
        if (category != null && category != Category.VEHICLE && (standard != null || vehicleKind != null)) {
            violations.add(
                    new Violation(standard != null ? "vehicleEmissionStandard" : "vehicleKind", "field.vehicles-only"));
        }
        if (category == Category.ELEVATOR && (registrationCode == null || registrationCode.isBlank())) {
            violations.add(new Violation("registrationCode", "field.registration-code-required"));
        }
        return violations;
    }
}
