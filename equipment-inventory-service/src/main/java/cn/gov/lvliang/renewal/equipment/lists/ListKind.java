package cn.gov.lvliang.renewal.equipment.lists;

import static cn.gov.lvliang.renewal.equipment.lists.Column.choice;
import static cn.gov.lvliang.renewal.equipment.lists.Column.of;

import cn.gov.lvliang.renewal.equipment.register.Category;
import cn.gov.lvliang.renewal.equipment.register.Disposal;
import cn.gov.lvliang.renewal.equipment.register.EfficiencyTier;
import cn.gov.lvliang.renewal.equipment.register.EmissionGrade;
import cn.gov.lvliang.renewal.equipment.register.FuelType;
import cn.gov.lvliang.renewal.equipment.register.LifecycleStatus;
import cn.gov.lvliang.renewal.equipment.register.RunningCondition;
import cn.gov.lvliang.renewal.equipment.register.VehicleEmissionStandard;
import cn.gov.lvliang.renewal.equipment.register.VehicleKind;
import cn.gov.lvliang.renewal.equipment.units.UnitType;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The lists the city manages by (tasks 1–29), each a view with its own columns, its own
 * membership condition and, for import, the lifecycle state its rows put the equipment in.
 */
public enum ListKind {
    /** 设备现状清单. */
    STATUS("status", "设备现状清单", "e.status <> 'RETIRED'", null, null),
    /** 更新和技术改造需求清单. */
    RENEWAL_DEMAND(
            "renewal-demand",
            "更新和技术改造需求清单",
            "e.renewal_planned_year is not null",
            null,
            LifecycleStatus.RENEWAL_PLANNED),
    /** 新建项目设备清单 (task 3). */
    NEW_BUILD("new-build", "新建项目设备清单", "e.new_build", null, null),
    /** 淘汰清单 (task 7). */
    RETIREMENT("retirement", "淘汰清单", "e.retirement_planned_on is not null", null, LifecycleStatus.RETIREMENT_SCHEDULED),
    /** 问题电梯动态清单 (task 8). */
    PROBLEM_ELEVATORS(
            "problem-elevators",
            "问题电梯动态清单",
            "e.category = 'ELEVATOR' and e.status <> 'RETIRED' and (e.safety_findings > 0 or exists (select 1 from"
                    + " equipment_flag f where f.equipment_id = e.id and f.cleared_at is null and f.rule_code ="
                    + " 'ELEVATOR_AGE_WITH_FINDINGS'))",
            Category.ELEVATOR,
            null),
    /** 国四及以下营运柴油货车清单 (task 16). */
    OLD_DIESEL_TRUCKS(
            "old-diesel-trucks",
            "国四及以下营运柴油货车清单",
            "e.category = 'VEHICLE' and e.status <> 'RETIRED' and exists (select 1 from equipment_flag f where"
                    + " f.equipment_id = e.id and f.cleared_at is null and f.rule_code = 'OLD_DIESEL_TRUCK')",
            Category.VEHICLE,
            null),
    /** 老旧农业机械清单 (task 18). */
    OLD_FARM_MACHINERY(
            "old-farm-machinery",
            "老旧农业机械清单",
            "e.category = 'FARM_MACHINERY' and e.status <> 'RETIRED' and exists (select 1 from equipment_flag f"
                    + " where f.equipment_id = e.id and f.cleared_at is null and f.rule_code ="
                    + " 'FARM_MACHINERY_SCRAP_AGE')",
            Category.FARM_MACHINERY,
            null);

    // Unit columns, first in every list.
    static final Column UNIT_CREDIT_CODE =
            of("unitCreditCode", "统一社会信用代码", "unit_credit_code", Column.Type.CREDIT_CODE);
    static final Column UNIT_NAME = of("unitName", "单位名称", "unit_name", Column.Type.TEXT);
    static final Column COUNTY = of("county", "县（市、区）", "county", Column.Type.COUNTY);
    static final Column SECTOR = of("sector", "重点领域", "sector_code", Column.Type.SECTOR);
    static final Column UNIT_TYPE = choice("unitType", "单位类型", "unit_type", UnitType.class);

    static final Column ASSET_TAG = of("assetTag", "资产编号", "asset_tag", Column.Type.TEXT);
    static final Column NAME = of("name", "设备名称", "name", Column.Type.TEXT);
    static final Column MODEL = of("model", "规格型号", "model", Column.Type.TEXT);
    static final Column CATEGORY = choice("category", "设备类别", "category", Category.class);
    static final Column QUANTITY = of("quantity", "数量（台套/公里）", "quantity", Column.Type.DECIMAL);
    static final Column COMMISSIONED_ON = of("commissionedOn", "投产时间", "commissioned_on", Column.Type.DATE);
    static final Column DESIGN_LIFE = of("designLifeYears", "设计使用年限（年）", "design_life_years", Column.Type.INTEGER);
    static final Column YEARS_IN_SERVICE = of("yearsInService", "已使用年限（年）", null, Column.Type.DERIVED);
    static final Column RUNNING = choice("runningCondition", "运行状况", "running_condition", RunningCondition.class);
    static final Column GRADE = of("efficiencyGrade", "能效等级", "efficiency_grade", Column.Type.INTEGER);
    static final Column TIER = choice("efficiencyTier", "能效水平", "efficiency_tier", EfficiencyTier.class);
    static final Column EMISSION = choice("emissionGrade", "环保绩效等级", "emission_grade", EmissionGrade.class);
    static final Column STANDARD =
            choice("vehicleEmissionStandard", "排放标准", "vehicle_emission_standard", VehicleEmissionStandard.class);
    static final Column FUEL = choice("fuelType", "燃料类型", "fuel_type", FuelType.class);
    static final Column VEHICLE_KIND = choice("vehicleKind", "车辆类型", "vehicle_kind", VehicleKind.class);
    static final Column OPERATING = of("operating", "是否营运", "operating", Column.Type.BOOLEAN);
    static final Column FINDINGS = of("safetyFindings", "安全隐患数", "safety_findings", Column.Type.INTEGER);
    static final Column VALUE = of("originalValueFen", "原值（元）", "original_value_fen", Column.Type.YUAN);
    static final Column LOCATION = of("location", "所在位置", "location", Column.Type.TEXT);
    static final Column REGISTRATION = of("registrationCode", "特种设备使用登记证编号", "registration_code", Column.Type.TEXT);
    static final Column STATUS_COL = of("status", "状态", "status", Column.Type.DERIVED);
    static final Column FLAGS = of("flags", "预警", "flags", Column.Type.DERIVED);

    static final Column INVESTMENT = of("renewalInvestmentFen", "计划投资（元）", "renewal_investment_fen", Column.Type.YUAN);
    static final Column TARGET = of("renewalTarget", "目标设备", "renewal_target", Column.Type.TEXT);
    static final Column IMPROVEMENT = of("renewalImprovement", "预期节能降碳减排效果", "renewal_improvement", Column.Type.TEXT);
    static final Column PLANNED_YEAR = of("renewalPlannedYear", "计划实施年度", "renewal_planned_year", Column.Type.INTEGER);
    static final Column COMPLETED = of("renewalCompletedFen", "完成投资（元）", "renewal_completed_fen", Column.Type.DERIVED);

    static final Column PROJECT = of("projectName", "所属新建项目", "project_name", Column.Type.TEXT);

    static final Column RETIREMENT_STANDARD = of("retirementStandard", "淘汰标准", "retirement_standard", Column.Type.TEXT);
    static final Column LEGAL_BASIS = of("retirementLegalBasis", "法规依据", "retirement_legal_basis", Column.Type.TEXT);
    static final Column PLANNED_ON = of("retirementPlannedOn", "计划淘汰日期", "retirement_planned_on", Column.Type.DATE);
    static final Column REPLACEMENT = of("replacementDescription", "替代设备", "replacement_description", Column.Type.TEXT);
    static final Column RETIRED_ON = of("retiredOn", "淘汰日期", "retired_on", Column.Type.DERIVED);
    static final Column DISPOSAL = new Column("disposal", "处置方式", "disposal", Column.Type.DERIVED, Disposal.class);

    private final String slug;
    private final String title;
    private final String condition;
    private final Category impliedCategory;
    private final LifecycleStatus importStatus;

    ListKind(String slug, String title, String condition, Category impliedCategory, LifecycleStatus importStatus) {
        this.slug = slug;
        this.title = title;
        this.condition = condition;
        this.impliedCategory = impliedCategory;
        this.importStatus = importStatus;
    }

    /** The path segment, for example {@code retirement}. */
    public String slug() {
        return slug;
    }

    /** The Chinese title (sheet name and file name). */
    public String title() {
        return title;
    }

    /** The SQL condition on {@code e} for membership. */
    public String condition() {
        return condition;
    }

    /** The category every row of this list has (special lists), or null. */
    public Category impliedCategory() {
        return impliedCategory;
    }

    /** The lifecycle state an imported row moves the equipment to, or null to keep it. */
    public LifecycleStatus importStatus() {
        return importStatus;
    }

    public static Optional<ListKind> bySlug(String slug) {
        return Stream.of(values()).filter(k -> k.slug.equals(slug)).findFirst();
    }

    /** The columns of this list, in order. */
    public List<Column> columns() {
        List<Column> c = new ArrayList<>(
                List.of(UNIT_CREDIT_CODE, UNIT_NAME, COUNTY, SECTOR, UNIT_TYPE, ASSET_TAG, NAME, MODEL));
        switch (this) {
            case STATUS, NEW_BUILD -> {
                c.addAll(List.of(
                        CATEGORY,
                        QUANTITY,
                        COMMISSIONED_ON,
                        DESIGN_LIFE,
                        YEARS_IN_SERVICE,
                        RUNNING,
                        GRADE,
                        TIER,
                        EMISSION,
                        STANDARD,
                        FUEL,
                        VEHICLE_KIND,
                        OPERATING,
                        FINDINGS,
                        VALUE,
                        LOCATION,
                        REGISTRATION));
                if (this == NEW_BUILD) {
                    c.add(PROJECT);
                }
                c.addAll(List.of(STATUS_COL, FLAGS));
            }
            case RENEWAL_DEMAND ->
                c.addAll(List.of(
                        CATEGORY,
                        QUANTITY,
                        COMMISSIONED_ON,
                        DESIGN_LIFE,
                        YEARS_IN_SERVICE,
                        TIER,
                        EMISSION,
                        VALUE,
                        INVESTMENT,
                        TARGET,
                        IMPROVEMENT,
                        PLANNED_YEAR,
                        COMPLETED,
                        STATUS_COL,
                        FLAGS));
            case RETIREMENT ->
                c.addAll(List.of(
                        CATEGORY,
                        QUANTITY,
                        COMMISSIONED_ON,
                        DESIGN_LIFE,
                        YEARS_IN_SERVICE,
                        TIER,
                        VALUE,
                        RETIREMENT_STANDARD,
                        LEGAL_BASIS,
                        PLANNED_ON,
                        REPLACEMENT,
                        STATUS_COL,
                        RETIRED_ON,
                        DISPOSAL,
                        FLAGS));
            case PROBLEM_ELEVATORS ->
                c.addAll(List.of(
                        REGISTRATION,
                        LOCATION,
                        COMMISSIONED_ON,
                        DESIGN_LIFE,
                        YEARS_IN_SERVICE,
                        FINDINGS,
                        RUNNING,
                        STATUS_COL,
                        FLAGS));
            case OLD_DIESEL_TRUCKS ->
                c.addAll(List.of(
                        VEHICLE_KIND,
                        FUEL,
                        STANDARD,
                        OPERATING,
                        REGISTRATION,
                        COMMISSIONED_ON,
                        YEARS_IN_SERVICE,
                        VALUE,
                        STATUS_COL,
                        FLAGS));
            case OLD_FARM_MACHINERY ->
                c.addAll(List.of(
                        QUANTITY, COMMISSIONED_ON, YEARS_IN_SERVICE, RUNNING, VALUE, LOCATION, STATUS_COL, FLAGS));
            default -> throw new IllegalStateException(name());
        }
        return List.copyOf(c);
    }

    /** Columns a row must fill on import. */
    public List<Column> required() {
        List<Column> r = new ArrayList<>(
                List.of(UNIT_CREDIT_CODE, UNIT_NAME, COUNTY, UNIT_TYPE, ASSET_TAG, NAME, COMMISSIONED_ON));
        if (impliedCategory == null) {
            r.add(CATEGORY);
            r.add(QUANTITY);
        }
        switch (this) {
            case RENEWAL_DEMAND -> r.addAll(List.of(INVESTMENT, TARGET, PLANNED_YEAR));
            case NEW_BUILD -> r.add(PROJECT);
            case RETIREMENT -> r.addAll(List.of(RETIREMENT_STANDARD, LEGAL_BASIS, PLANNED_ON));
            case OLD_DIESEL_TRUCKS -> r.addAll(List.of(VEHICLE_KIND, FUEL, STANDARD));
            default -> {}
        }
        return List.copyOf(r);
    }
}
