package cn.gov.lvliang.renewal.equipment.flags;

import cn.gov.lvliang.renewal.equipment.register.Category;
import cn.gov.lvliang.renewal.equipment.register.EfficiencyTier;
import cn.gov.lvliang.renewal.equipment.register.FuelType;
import cn.gov.lvliang.renewal.equipment.register.LifecycleStatus;
import cn.gov.lvliang.renewal.equipment.register.VehicleEmissionStandard;
import cn.gov.lvliang.renewal.equipment.register.VehicleKind;
import java.time.LocalDate;

/** What the flag rules look at in an equipment record. */
public record EquipmentFacts(
        long id,
        Category category,
        LocalDate commissionedOn,
        Integer designLifeYears,
        EfficiencyTier efficiencyTier,
        FuelType fuelType,
        VehicleKind vehicleKind,
        boolean operating,
        VehicleEmissionStandard emissionStandard,
        int safetyFindings,
        LifecycleStatus status) {}
