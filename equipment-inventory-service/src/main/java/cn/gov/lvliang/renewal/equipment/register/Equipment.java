package cn.gov.lvliang.renewal.equipment.register;

import cn.gov.lvliang.renewal.platform.problem.Problems;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An equipment record (设备) of a project unit. Natural key: the unit's credit code and the asset
 * tag. Lifecycle transitions are methods; an impossible one is a 409 problem.
 */
@Entity
@Table(name = "equipment")
public class Equipment extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "unit_id", nullable = false, updatable = false)
    public Long unitId;

    @Column(name = "unit_credit_code", nullable = false, updatable = false)
    public String unitCreditCode;

    @Column(nullable = false)
    public String county;

    @Column(name = "sector_code")
    public String sectorCode;

    @Column(name = "asset_tag", nullable = false, updatable = false)
    public String assetTag;

    @Column(nullable = false)
    public String name;

    public String model;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Category category;

    @Column(nullable = false)
    public BigDecimal quantity;

    @Column(name = "commissioned_on", nullable = false)
    public LocalDate commissionedOn;

    @Column(name = "design_life_years")
    public Integer designLifeYears;

    @Enumerated(EnumType.STRING)
    @Column(name = "running_condition", nullable = false)
    public RunningCondition runningCondition;

    @Column(name = "efficiency_grade")
    public Short efficiencyGrade;

    @Enumerated(EnumType.STRING)
    @Column(name = "efficiency_tier")
    public EfficiencyTier efficiencyTier;

    @Enumerated(EnumType.STRING)
    @Column(name = "emission_grade")
    public EmissionGrade emissionGrade;

    @Enumerated(EnumType.STRING)
    @Column(name = "vehicle_emission_standard")
    public VehicleEmissionStandard vehicleEmissionStandard;

    @Enumerated(EnumType.STRING)
    @Column(name = "fuel_type")
    public FuelType fuelType;

    @Enumerated(EnumType.STRING)
    @Column(name = "vehicle_kind")
    public VehicleKind vehicleKind;

    /** 是否营运; null when unknown (a blank cell). */
    public Boolean operating;

    /** 安全隐患数; null when unknown (a blank cell), never read as 0. */
    @Column(name = "safety_findings")
    public Integer safetyFindings;

    @Column(name = "original_value_fen")
    public Long originalValueFen;

    public String location;

    @Column(name = "registration_code")
    public String registrationCode;

    @Column(name = "new_build", nullable = false)
    public boolean newBuild;

    @Column(name = "project_name")
    public String projectName;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    LifecycleStatus status = LifecycleStatus.IN_SERVICE;

    @Column(name = "renewal_investment_fen")
    Long renewalInvestmentFen;

    @Column(name = "renewal_target")
    String renewalTarget;

    @Column(name = "renewal_improvement")
    String renewalImprovement;

    @Column(name = "renewal_planned_year")
    Integer renewalPlannedYear;

    @Column(name = "renewal_completed_on")
    LocalDate renewalCompletedOn;

    @Column(name = "renewal_completed_fen")
    Long renewalCompletedFen;

    @Column(name = "retirement_standard")
    String retirementStandard;

    @Column(name = "retirement_legal_basis")
    String retirementLegalBasis;

    @Column(name = "retirement_planned_on")
    LocalDate retirementPlannedOn;

    @Column(name = "replacement_description")
    String replacementDescription;

    @Column(name = "replacement_id")
    Long replacementId;

    @Column(name = "retired_on")
    LocalDate retiredOn;

    @Enumerated(EnumType.STRING)
    Disposal disposal;

    @Column(name = "created_at", nullable = false, updatable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Version
    public int version;

    /** 使用年限: whole years since commissioning, by the clock. */
    public int yearsInService(Clock clock) {
        return yearsInService(commissionedOn, LocalDate.now(clock));
    }

    public static int yearsInService(LocalDate commissionedOn, LocalDate today) {
        return commissionedOn.isAfter(today)
                ? 0
                : Period.between(commissionedOn, today).getYears();
    }

    /** 制定更新改造计划 (renewal-demand list). */
    public void planRenewal(long investmentFen, String target, String improvement, int plannedYear) {
        moveTo(LifecycleStatus.RENEWAL_PLANNED);
        renewalInvestmentFen = investmentFen;
        renewalTarget = target;
        renewalImprovement = improvement;
        renewalPlannedYear = plannedYear;
    }

    /** 更新改造完成: the investment is spent and the item is back in service. */
    public void completeRenewal(long amountFen, LocalDate completedOn) {
        if (status != LifecycleStatus.RENEWAL_PLANNED) {
            throw invalid(LifecycleStatus.IN_SERVICE);
        }
        moveTo(LifecycleStatus.IN_SERVICE);
        renewalCompletedFen = amountFen;
        renewalCompletedOn = completedOn;
    }

    /** 列入淘汰清单. */
    public void scheduleRetirement(
            String standard, String legalBasis, LocalDate plannedOn, String replacement, Long replacementEquipment) {
        if (replacementEquipment != null && replacementEquipment.equals(id)) {
            throw Problems.invalidField("replacementId", replacementEquipment, "field.replacement-self");
        }
        moveTo(LifecycleStatus.RETIREMENT_SCHEDULED);
        retirementStandard = standard;
        retirementLegalBasis = legalBasis;
        retirementPlannedOn = plannedOn;
        replacementDescription = replacement;
        replacementId = replacementEquipment;
    }

    /** 淘汰: records the disposal; final. */
    public void retire(LocalDate on, Disposal how, Long replacementEquipment, Clock clock) {
        if (on.isAfter(LocalDate.now(clock))) {
            throw Problems.invalidField("retiredOn", on, "field.date-in-future");
        }
        if (on.isBefore(commissionedOn)) {
            throw Problems.invalidField("retiredOn", on, "field.retired-before-commissioning");
        }
        if (replacementEquipment != null && replacementEquipment.equals(id)) {
            throw Problems.invalidField("replacementId", replacementEquipment, "field.replacement-self");
        }
        moveTo(LifecycleStatus.RETIRED);
        retiredOn = on;
        disposal = how;
        if (replacementEquipment != null) {
            replacementId = replacementEquipment;
        }
    }

    private void moveTo(LifecycleStatus target) {
        if (!status.canMoveTo(target)) {
            throw invalid(target);
        }
        status = target;
    }

    private RuntimeException invalid(LifecycleStatus target) {
        return Problems.conflict("invalid-transition", "detail.invalid-transition", status.name(), target.name());
    }

    public LifecycleStatus status() {
        return status;
    }

    public Long renewalInvestmentFen() {
        return renewalInvestmentFen;
    }

    public String renewalTarget() {
        return renewalTarget;
    }

    public String renewalImprovement() {
        return renewalImprovement;
    }

    public Integer renewalPlannedYear() {
        return renewalPlannedYear;
    }

    public LocalDate renewalCompletedOn() {
        return renewalCompletedOn;
    }

    public Long renewalCompletedFen() {
        return renewalCompletedFen;
    }

    public String retirementStandard() {
        return retirementStandard;
    }

    public String retirementLegalBasis() {
        return retirementLegalBasis;
    }

    public LocalDate retirementPlannedOn() {
        return retirementPlannedOn;
    }

    public String replacementDescription() {
        return replacementDescription;
    }

    public Long replacementId() {
        return replacementId;
    }

    public LocalDate retiredOn() {
        return retiredOn;
    }

    public Disposal disposal() {
        return disposal;
    }

    /** The fields as they stand, for the history's before and after. */
    public Map<String, Object> snapshot() {
        Map<String, Object> s = new LinkedHashMap<>() {
            private static final long serialVersionUID = 1L;

            /** Plain JSON values only: dates, decimals and enumerations as text. */
            @Override
            public Object put(String key, Object value) {
                boolean plain = value == null
                        || value instanceof Boolean
                        || value instanceof Integer
                        || value instanceof Long
                        || value instanceof Short;
                return super.put(key, plain ? value : value.toString());
            }
        };
        s.put("name", name);
        s.put("model", model);
        s.put("category", category);
        s.put("quantity", quantity);
        s.put("commissionedOn", commissionedOn);
        s.put("designLifeYears", designLifeYears);
        s.put("runningCondition", runningCondition);
        s.put("efficiencyGrade", efficiencyGrade);
        s.put("efficiencyTier", efficiencyTier);
        s.put("emissionGrade", emissionGrade);
        s.put("vehicleEmissionStandard", vehicleEmissionStandard);
        s.put("fuelType", fuelType);
        s.put("vehicleKind", vehicleKind);
        s.put("operating", operating);
        s.put("safetyFindings", safetyFindings);
        s.put("originalValueFen", originalValueFen);
        s.put("location", location);
        s.put("registrationCode", registrationCode);
        s.put("newBuild", newBuild);
        s.put("projectName", projectName);
        s.put("status", status);
        s.put("renewalInvestmentFen", renewalInvestmentFen);
        s.put("renewalPlannedYear", renewalPlannedYear);
        s.put("renewalCompletedFen", renewalCompletedFen);
        s.put("retirementPlannedOn", retirementPlannedOn);
        s.put("replacementId", replacementId);
        s.put("retiredOn", retiredOn);
        s.put("disposal", disposal);
        return s;
    }
}
