package cn.gov.lvliang.renewal.equipment.register;

import cn.gov.lvliang.renewal.equipment.messaging.EquipmentEventData;
import cn.gov.lvliang.renewal.equipment.messaging.EquipmentEvents;
import cn.gov.lvliang.renewal.equipment.scope.Scope;
import cn.gov.lvliang.renewal.equipment.units.ProjectUnit;
import cn.gov.lvliang.renewal.equipment.units.UnitChanged;
import cn.gov.lvliang.renewal.platform.events.Outbox;
import cn.gov.lvliang.renewal.platform.events.OutboxBatch;
import cn.gov.lvliang.renewal.platform.paging.Page;
import cn.gov.lvliang.renewal.platform.problem.ProblemException;
import cn.gov.lvliang.renewal.platform.problem.Problems;
import cn.gov.lvliang.renewal.platform.time.SqlValues;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import jakarta.persistence.OptimisticLockException;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.hibernate.Session;

/** Use cases of equipment records: register, change, lifecycle, read. */
@ApplicationScoped
public class EquipmentService {

    private final EntityManager em;
    private final Outbox outbox;
    private final OutboxBatch outboxBatch;
    private final FlagReevaluation flags;
    private final Clock clock;

    public EquipmentService(
            EntityManager em, Outbox outbox, OutboxBatch outboxBatch, FlagReevaluation flags, Clock clock) {
        this.em = em;
        this.outbox = outbox;
        this.outboxBatch = outboxBatch;
        this.flags = flags;
        this.clock = clock;
    }

    @Transactional
    public EquipmentView register(EquipmentRequest request, Scope scope, String actor) {
        ProjectUnit unit = ProjectUnit.<ProjectUnit>find("creditCode", request.unitCreditCode())
                .firstResultOptional()
                .filter(u -> scope.coversUnit(u.creditCode, u.county, u.sectorCode)
                        || scope.covers(
                                u.creditCode,
                                u.county,
                                u.sectorCode,
                                request.category().name()))
                .orElseThrow(
                        () -> Problems.invalidField("unitCreditCode", request.unitCreditCode(), "field.unknown-unit"));
        if (!scope.covers(
                unit.creditCode,
                unit.county,
                unit.sectorCode,
                request.category().name())) {
            throw Problems.forbidden("out-of-scope", "detail.out-of-scope", request.unitCreditCode());
        }
        if (Equipment.count("unitCreditCode = ?1 and assetTag = ?2", unit.creditCode, request.assetTag()) > 0) {
            throw Problems.conflict("equipment-exists", "detail.equipment-exists", request.assetTag());
        }
        check(request);
        Equipment e = new Equipment();
        e.unitId = unit.id;
        e.unitCreditCode = unit.creditCode;
        e.county = unit.county;
        e.sectorCode = unit.sectorCode;
        e.assetTag = request.assetTag();
        e.createdAt = Instant.now(clock);
        e.updatedAt = e.createdAt;
        apply(e, request);
        e.persistAndFlush();
        history(e, actor, "registered", null, null, e.snapshot());
        outbox.publish(EquipmentEvents.TOPIC, key(e), EquipmentEvents.EQUIPMENT_REGISTERED, registered(e));
        reevaluate(e);
        return view(e);
    }

    @Transactional
    public EquipmentView change(long id, EquipmentRequest request, Scope scope, String actor) {
        Equipment e = load(id, scope);
        if (!e.unitCreditCode.equals(request.unitCreditCode()) || !e.assetTag.equals(request.assetTag())) {
            throw Problems.invalidField("assetTag", request.assetTag(), "field.immutable");
        }
        checkVersion(e, request.version());
        if (!scope.covers(
                e.unitCreditCode, e.county, e.sectorCode, request.category().name())) {
            throw Problems.forbidden("out-of-scope", "detail.out-of-scope", e.unitCreditCode);
        }
        if (e.status() == LifecycleStatus.RETIRED) {
            throw Problems.conflict("equipment-retired", "detail.equipment-retired", id);
        }
        check(request);
        Map<String, Object> before = e.snapshot();
        apply(e, request);
        e.updatedAt = Instant.now(clock);
        e.persistAndFlush();
        history(e, actor, "updated", e.status(), before, e.snapshot());
        outbox.publish(EquipmentEvents.TOPIC, key(e), EquipmentEvents.EQUIPMENT_UPDATED, registered(e));
        reevaluate(e);
        return view(e);
    }

    @Transactional
    public EquipmentView planRenewal(long id, LifecycleRequests.RenewalPlan plan, Scope scope, String actor) {
        Equipment e = load(id, scope);
        checkVersion(e, plan.version());
        Map<String, Object> before = e.snapshot();
        LifecycleStatus from = e.status();
        e.planRenewal(plan.investmentFen(), plan.targetEquipment(), plan.expectedImprovement(), plan.plannedYear());
        finish(e, actor, "renewal-planned", from, before);
        outbox.publish(
                EquipmentEvents.TOPIC,
                key(e),
                EquipmentEvents.RENEWAL_INVESTMENT_PLANNED,
                new EquipmentEventData.InvestmentPlanned(
                        e.id,
                        e.unitCreditCode,
                        e.county,
                        e.sectorCode,
                        EquipmentEventData.code(e.category),
                        plan.investmentFen(),
                        plan.plannedYear(),
                        plan.targetEquipment(),
                        plan.expectedImprovement()));
        return view(e);
    }

    @Transactional
    public EquipmentView completeRenewal(long id, LifecycleRequests.RenewalCompletion done, Scope scope, String actor) {
        Equipment e = load(id, scope);
        checkVersion(e, done.version());
        if (done.completedOn().isAfter(LocalDate.now(clock))) {
            throw Problems.invalidField("completedOn", done.completedOn(), "field.date-in-future");
        }
        Map<String, Object> before = e.snapshot();
        LifecycleStatus from = e.status();
        e.completeRenewal(done.amountFen(), done.completedOn());
        if (done.efficiencyTier() != null) {
            e.efficiencyTier = done.efficiencyTier();
        }
        if (done.emissionGrade() != null) {
            e.emissionGrade = done.emissionGrade();
        }
        finish(e, actor, "renewal-completed", from, before);
        outbox.publish(
                EquipmentEvents.TOPIC,
                key(e),
                EquipmentEvents.RENEWAL_INVESTMENT_COMPLETED,
                new EquipmentEventData.InvestmentCompleted(
                        e.id,
                        e.unitCreditCode,
                        e.county,
                        e.sectorCode,
                        EquipmentEventData.code(e.category),
                        done.amountFen(),
                        done.completedOn(),
                        EquipmentEventData.code(e.efficiencyTier),
                        EquipmentEventData.code(e.emissionGrade)));
        reevaluate(e);
        return view(e);
    }

    @Transactional
    public EquipmentView scheduleRetirement(
            long id, LifecycleRequests.RetirementSchedule schedule, Scope scope, String actor) {
        Equipment e = load(id, scope);
        checkVersion(e, schedule.version());
        checkReplacement(schedule.replacementId(), scope);
        Map<String, Object> before = e.snapshot();
        LifecycleStatus from = e.status();
        e.scheduleRetirement(
                schedule.retirementStandard(),
                schedule.legalBasis(),
                schedule.plannedOn(),
                schedule.replacement(),
                schedule.replacementId());
        finish(e, actor, "retirement-scheduled", from, before);
        outbox.publish(
                EquipmentEvents.TOPIC,
                key(e),
                EquipmentEvents.EQUIPMENT_RETIREMENT_SCHEDULED,
                new EquipmentEventData.RetirementScheduled(
                        e.id,
                        e.unitCreditCode,
                        e.county,
                        e.sectorCode,
                        e.name,
                        EquipmentEventData.code(e.category),
                        schedule.plannedOn(),
                        schedule.retirementStandard(),
                        schedule.legalBasis(),
                        schedule.replacementId()));
        return view(e);
    }

    @Transactional
    public EquipmentView retire(long id, LifecycleRequests.Retirement retirement, Scope scope, String actor) {
        Equipment e = load(id, scope);
        checkVersion(e, retirement.version());
        checkReplacement(retirement.replacementId(), scope);
        Map<String, Object> before = e.snapshot();
        LifecycleStatus from = e.status();
        e.retire(retirement.retiredOn(), retirement.disposal(), retirement.replacementId(), clock);
        finish(e, actor, "retired", from, before);
        outbox.publish(
                EquipmentEvents.TOPIC,
                key(e),
                EquipmentEvents.EQUIPMENT_RETIRED,
                new EquipmentEventData.Retired(
                        e.id,
                        e.unitCreditCode,
                        e.county,
                        e.sectorCode,
                        e.name,
                        EquipmentEventData.code(e.category),
                        e.model,
                        e.quantity,
                        e.retiredOn(),
                        EquipmentEventData.code(e.disposal()),
                        e.replacementId()));
        reevaluate(e);
        return view(e);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<EquipmentView> find(long id, Scope scope) {
        return scoped(id, scope).map(this::view);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<HistoryView> history(long id, Scope scope) {
        load(id, scope);
        return EquipmentHistory.<EquipmentHistory>list("equipmentId", Sort.by("id"), id).stream()
                .map(h -> new HistoryView(h.at, h.actor, h.action, h.fromStatus, h.toStatus, h.before, h.after))
                .toList();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<EquipmentView> list(
            String unitCreditCode, Category category, LifecycleStatus status, int page, int size, Scope scope) {
        List<Object> params = new ArrayList<>();
        StringBuilder hql = new StringBuilder(equipmentHql(scope, params));
        if (unitCreditCode != null) {
            params.add(unitCreditCode);
            hql.append(" and unitCreditCode = ?").append(params.size());
        }
        if (category != null) {
            params.add(category);
            hql.append(" and category = ?").append(params.size());
        }
        if (status != null) {
            params.add(status);
            hql.append(" and status = ?").append(params.size());
        }
        var query = Equipment.<Equipment>find(hql.toString(), Sort.by("id"), params.toArray());
        long total = query.count();
        return new Page<>(query.page(page, size).list().stream().map(this::view).toList(), total, page, size);
    }

    /** One entry of an equipment record's history. */
    public record HistoryView(
            Instant at,
            String actor,
            String action,
            LifecycleStatus fromStatus,
            LifecycleStatus toStatus,
            Map<String, Object> before,
            Map<String, Object> after) {}

    private Equipment load(long id, Scope scope) {
        return scoped(id, scope).orElseThrow(() -> Problems.notFound("resource.equipment", id));
    }

    private Optional<Equipment> scoped(long id, Scope scope) {
        List<Object> params = new ArrayList<>();
        params.add(id);
        String hql = "id = ?1 and " + equipmentHql(scope, params);
        return Equipment.<Equipment>find(hql, params.toArray()).firstResultOptional();
    }

    private void checkReplacement(Long replacementId, Scope scope) {
        if (replacementId != null && scoped(replacementId, scope).isEmpty()) {
            throw Problems.invalidField("replacementId", replacementId, "field.unknown-equipment");
        }
    }

    private static void checkVersion(Equipment e, Integer version) {
        if (version == null) {
            throw Problems.invalidField("version", null, "field.required");
        }
        if (version != e.version) {
            throw new OptimisticLockException("stale equipment " + e.id);
        }
    }

    private void check(EquipmentRequest r) {
        List<EquipmentChecks.Violation> violations = EquipmentChecks.check(
                r.category(),
                r.quantity(),
                r.commissionedOn(),
                LocalDate.now(clock),
                r.vehicleEmissionStandard(),
                r.vehicleKind(),
                r.registrationCode());
        if (!violations.isEmpty()) {
            throw new ProblemException(
                    400,
                    "validation",
                    "detail.validation",
                    violations.stream()
                            .map(v -> new ProblemException.FieldViolation(v.field(), null, v.messageKey()))
                            .toList(),
                    violations.size());
        }
    }

    private static void apply(Equipment e, EquipmentRequest r) {
        e.name = r.name().strip();
        e.model = r.model();
        e.category = r.category();
        e.quantity = r.quantity();
        e.commissionedOn = r.commissionedOn();
        e.designLifeYears = r.designLifeYears();
        e.runningCondition = r.runningCondition() == null ? RunningCondition.NORMAL : r.runningCondition();
        e.efficiencyGrade =
                r.efficiencyGrade() == null ? null : r.efficiencyGrade().shortValue();
        e.efficiencyTier = r.efficiencyTier();
        e.emissionGrade = r.emissionGrade();
        e.vehicleEmissionStandard = r.vehicleEmissionStandard();
        e.fuelType = r.fuelType();
        e.vehicleKind = r.vehicleKind();
        e.operating = r.operating();
        e.safetyFindings = r.safetyFindings();
        e.originalValueFen = r.originalValueFen();
        e.location = r.location();
        e.registrationCode = r.registrationCode();
        e.newBuild = Boolean.TRUE.equals(r.newBuild());
        e.projectName = r.projectName();
    }

    private void finish(Equipment e, String actor, String action, LifecycleStatus from, Map<String, Object> before) {
        e.updatedAt = Instant.now(clock);
        e.persistAndFlush();
        history(e, actor, action, from, before, e.snapshot());
    }

    private void history(
            Equipment e,
            String actor,
            String action,
            LifecycleStatus from,
            Map<String, Object> before,
            Map<String, Object> after) {
        EquipmentHistory h = new EquipmentHistory();
        h.equipmentId = e.id;
        h.at = Instant.now(clock);
        h.actor = actor;
        h.action = action;
        h.fromStatus = from;
        h.toStatus = e.status();
        h.before = before;
        h.after = after;
        h.persist();
    }

    /** Equipment follows its unit's county and sector (scoping and aggregates use them), in the unit change's transaction. */
    void unitChanged(@Observes UnitChanged unit) {
        Equipment.update(
                "county = ?1, sectorCode = ?2 where unitId = ?3", unit.county(), unit.sectorCode(), unit.unitId());
    }

    /** Re-evaluates the flags of one record on the transaction's own connection. */
    private void reevaluate(Equipment e) {
        em.flush();
        em.unwrap(Session.class).doWork(connection -> {
            try (OutboxBatch.Writer events = outboxBatch.on(connection)) {
                flags.reevaluate(connection, new long[] {e.id}, events);
                events.flush();
            }
        });
    }

    private static String key(Equipment e) {
        return String.valueOf(e.id);
    }

    EquipmentView view(Equipment e) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select rule_code, rule_version, reason, raised_at from"
                        + " equipment_flag where equipment_id = ?1 and cleared_at is null order by rule_code")
                .setParameter(1, e.id)
                .getResultList();
        List<EquipmentView.Flag> flagViews = rows.stream()
                .map(r -> new EquipmentView.Flag(
                        (String) r[0], ((Number) r[1]).intValue(), (String) r[2], SqlValues.instant(r[3])))
                .toList();
        return new EquipmentView(
                e.id,
                e.unitCreditCode,
                e.assetTag,
                e.county,
                e.sectorCode,
                e.name,
                e.model,
                e.category,
                e.quantity,
                e.category.unitOfMeasure(),
                e.commissionedOn,
                e.designLifeYears,
                e.yearsInService(clock),
                e.runningCondition,
                e.efficiencyGrade == null ? null : e.efficiencyGrade.intValue(),
                e.efficiencyTier,
                e.emissionGrade,
                e.vehicleEmissionStandard,
                e.fuelType,
                e.vehicleKind,
                e.operating,
                e.safetyFindings,
                e.originalValueFen,
                e.location,
                e.registrationCode,
                e.newBuild,
                e.projectName,
                e.status(),
                new EquipmentView.Renewal(
                        e.renewalInvestmentFen(),
                        e.renewalTarget(),
                        e.renewalImprovement(),
                        e.renewalPlannedYear(),
                        e.renewalCompletedFen(),
                        e.renewalCompletedOn()),
                new EquipmentView.Retirement(
                        e.retirementStandard(),
                        e.retirementLegalBasis(),
                        e.retirementPlannedOn(),
                        e.replacementDescription(),
                        e.replacementId(),
                        e.retiredOn(),
                        e.disposal()),
                flagViews,
                e.updatedAt,
                e.version);
    }

    /** Data of equipment.registered and equipment.updated for a record as it is now. */
    static EquipmentEventData.Registered registered(Equipment e) {
        return new EquipmentEventData.Registered(
                e.id,
                e.unitCreditCode,
                e.assetTag,
                e.county,
                e.sectorCode,
                e.name,
                EquipmentEventData.code(e.category),
                e.quantity,
                e.commissionedOn,
                EquipmentEventData.code(e.status()),
                e.efficiencyGrade == null ? null : e.efficiencyGrade.intValue(),
                EquipmentEventData.code(e.efficiencyTier),
                EquipmentEventData.code(e.emissionGrade),
                e.originalValueFen,
                e.version);
    }

    /**
     * The HQL condition on an {@code Equipment} that keeps what {@code scope} covers; here, not in
     * {@link Scope}, because it names this package's {@link Category}.
     */
    private static String equipmentHql(Scope scope, List<Object> params) {
        switch (scope.kind()) {
            case CITY:
                return "1 = 1";
            case COUNTY:
                params.add(scope.value());
                return "county = ?" + params.size();
            case ENTERPRISE:
                params.add(scope.value());
                return "unitCreditCode = ?" + params.size();
            case DEPARTMENT:
                params.add(new ArrayList<>(scope.sectors().isEmpty() ? Set.of("-") : scope.sectors()));
                String condition = "sectorCode in ?" + params.size();
                if (!scope.categories().isEmpty()) {
                    params.add(
                            scope.categories().stream().map(Category::valueOf).toList());
                    condition = "(" + condition + " or category in ?" + params.size() + ")";
                }
                return condition;
            default:
                return "1 = 0";
        }
    }
}
