package cn.gov.lvliang.renewal.equipment.flags;

import cn.gov.lvliang.renewal.equipment.register.Category;
import cn.gov.lvliang.renewal.equipment.register.EfficiencyTier;
import cn.gov.lvliang.renewal.equipment.register.FuelType;
import cn.gov.lvliang.renewal.equipment.register.LifecycleStatus;
import cn.gov.lvliang.renewal.equipment.register.VehicleEmissionStandard;
import cn.gov.lvliang.renewal.equipment.register.VehicleKind;
import java.time.LocalDate;

/**
 * What the flag rules look at in an equipment record. {@code operating} and {@code safetyFindings}
 * are null when unknown; a rule that needs one of them does not flag on an unknown value.
 */
public record EquipmentFacts(
        long id,
        Category category,
        LocalDate commissionedOn,
        Integer designLifeYears,
        EfficiencyTier efficiencyTier,
        FuelType fuelType,
        VehicleKind vehicleKind,
        Boolean operating,
        VehicleEmissionStandard emissionStandard,
        Integer safetyFindings,
        LifecycleStatus status) {}
