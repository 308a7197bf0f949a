package cn.gov.lvliang.renewal.tasks.dashboard;

import cn.gov.lvliang.renewal.platform.problem.Problems;
import cn.gov.lvliang.renewal.platform.security.Caller;
import cn.gov.lvliang.renewal.platform.security.CallerScope;
import cn.gov.lvliang.renewal.platform.security.Roles;
import cn.gov.lvliang.renewal.tasks.assignments.AssignmentStatus;
import cn.gov.lvliang.renewal.tasks.indicators.IndicatorService;
import cn.gov.lvliang.renewal.tasks.indicators.IndicatorService.IndicatorProgress;
import cn.gov.lvliang.renewal.tasks.organisation.CallerScopes;
import cn.gov.lvliang.renewal.tasks.organisation.Department;
import cn.gov.lvliang.renewal.tasks.organisation.ImplementingUnit;
import cn.gov.lvliang.renewal.tasks.plans.Plan;
import cn.gov.lvliang.renewal.tasks.progress.ProgressReport;
import cn.gov.lvliang.renewal.tasks.supervision.SupervisionNotice;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Dashboards over the current plans: counts by state, overdue work, open notices, indicators. */
@ApplicationScoped
public class DashboardService {

    private static final Set<String> CITY_WIDE =
            Set.of(Roles.CITY_ADMIN, Roles.AUDITOR, Roles.STATISTICS_BUREAU, Roles.SYSTEM_CLIENT);

    private final EntityManager em;
    private final IndicatorService indicators;
    private final Clock clock;

    public DashboardService(EntityManager em, IndicatorService indicators, Clock clock) {
        this.em = em;
        this.indicators = indicators;
        this.clock = clock;
    }

    @Schema(
            name = "Dashboard",
            description = "看板: assignments by state, overdue, open notices, report progress (percent complete, last"
                    + " report, reports awaiting review), indicator progress")
    public record Dashboard(
            @Schema(example = "COUNTY") String scope,
            @Schema(example = "141124") String code,
            @Schema(example = "临县") String name,
            Map<AssignmentStatus, Long> assignmentsByStatus,
            long overdue,
            long openNotices,

            @Schema(description = "city summary only: overdue assignments per county")
            Map<String, Long> overdueByCounty,

            ReportProgress reports,

            List<IndicatorProgress> indicators) {}

    @Transactional
    public Dashboard county(String code, Caller caller) {
        ImplementingUnit unit = ImplementingUnit.findById(code);
        boolean allowed = caller.hasAnyRole(CITY_WIDE)
                || (caller.hasRole(Roles.COUNTY_OFFICER)
                        && CallerScopes.of(caller).is(CallerScope.Kind.COUNTY, code));
        if (unit == null || !allowed) {
            throw Problems.notFound("resource.county", code);
        }
        String where = "a.countyCode = :code";
        return new Dashboard(
                "COUNTY",
                code,
                unit.name,
                byStatus(where, code),
                overdue(where, code),
                notices(where, code),
                Map.of(),
                reports(where, code),
                indicators.all(code, indicators.thisMonth()));
    }

    @Transactional
    public Dashboard department(String requested, Caller caller) {
        String code = CallerScope.canonicalDepartment(requested);
        Department d = Department.findById(code);
        boolean allowed = caller.hasAnyRole(CITY_WIDE)
                || (caller.hasRole(Roles.DEPARTMENT_OFFICER)
                        && CallerScopes.of(caller).is(CallerScope.Kind.DEPARTMENT, code));
        if (d == null || !allowed) {
            throw Problems.notFound("resource.department", requested);
        }
        // the department's own assignments and the counties' assignments of the tasks it leads
        String where = "(a.departmentCode = :code or a.taskId in (select l.taskId from TaskLeadDepartment l"
                + " where l.departmentCode = :code"
                + " and l.role = cn.gov.lvliang.renewal.tasks.plans.TaskLeadDepartment.Role.LEAD))";
        return new Dashboard(
                "DEPARTMENT",
                code,
                d.name,
                byStatus(where, code),
                overdue(where, code),
                notices(where, code),
                Map.of(),
                reports(where, code),
                List.of());
    }

    @Transactional
    public Dashboard city() {
        String where = "a.id is not null";
        Map<String, Long> byCounty = new LinkedHashMap<>();
        List<?> rows = em.createQuery("select a.countyCode, count(a) from Assignment a where a.countyCode is not null"
                        + " and a.status not in :closed and a.dueDate < :today and " + current()
                        + " group by a.countyCode order by a.countyCode")
                .setParameter("closed", AssignmentStatus.closed())
                .setParameter("today", LocalDate.now(clock))
                .setParameter("current", Plan.Status.CURRENT)
                .getResultList();
        for (Object row : rows) {
            Object[] r = (Object[]) row;
            byCounty.put((String) r[0], (Long) r[1]);
        }
        return new Dashboard(
                "CITY",
                IndicatorService.CITY,
                "吕梁市",
                byStatus(where, null),
                overdue(where, null),
                notices(where, null),
                byCounty,
                reports(where, null),
                indicators.all(IndicatorService.CITY, indicators.thisMonth()));
    }

    private static String current() {
        return "a.planId in (select p.id from Plan p where p.status = :current)";
    }

    private Map<AssignmentStatus, Long> byStatus(String where, String code) {
        Map<AssignmentStatus, Long> counts = new EnumMap<>(AssignmentStatus.class);
        for (AssignmentStatus s : AssignmentStatus.values()) {
            counts.put(s, 0L);
        }
        var query = em.createQuery("select a.status, count(a) from Assignment a where " + where + " and " + current()
                        + " group by a.status")
                .setParameter("current", Plan.Status.CURRENT);
        if (code != null) {
            query.setParameter("code", code);
        }
        List<?> rows = query.getResultList();
        for (Object row : rows) {
            Object[] r = (Object[]) row;
            counts.put((AssignmentStatus) r[0], (Long) r[1]);
        }
        return counts;
    }

    private long overdue(String where, String code) {
        var query = em.createQuery(
                        "select count(a) from Assignment a where " + where + " and " + current()
                                + " and a.status not in :closed and a.dueDate < :today",
                        Long.class)
                .setParameter("current", Plan.Status.CURRENT)
                .setParameter("closed", AssignmentStatus.closed())
                .setParameter("today", LocalDate.now(clock));
        if (code != null) {
            query.setParameter("code", code);
        }
        return query.getSingleResult();
    }

    private ReportProgress reports(String where, String code) {
        var assignments = em.createQuery(
                        "select a.id, a.status from Assignment a where " + where + " and " + current(), Object[].class)
                .setParameter("current", Plan.Status.CURRENT);
        var reports = em.createQuery(
                        "select r.assignmentId, r.period, r.submittedAt, r.percentComplete, r.status from ProgressReport r"
                                + " where r.assignmentId in (select a.id from Assignment a where " + where + " and "
                                + current() + ")",
                        Object[].class)
                .setParameter("current", Plan.Status.CURRENT);
        if (code != null) {
            assignments.setParameter("code", code);
            reports.setParameter("code", code);
        }
        Map<UUID, AssignmentStatus> states = new HashMap<>();
        for (Object[] a : assignments.getResultList()) {
            states.put((UUID) a[0], (AssignmentStatus) a[1]);
        }
        List<ReportProgress.Report> rows = reports.getResultList().stream()
                .map(r -> new ReportProgress.Report(
                        (UUID) r[0], (LocalDate) r[1], (Instant) r[2], (Integer) r[3], (ProgressReport.Status) r[4]))
                .toList();
        return ReportProgress.of(states, rows);
    }

    private long notices(String where, String code) {
        var query = em.createQuery(
                        "select count(n) from SupervisionNotice n where n.status = :open and n.assignmentId in"
                                + " (select a.id from Assignment a where " + where + " and " + current() + ")",
                        Long.class)
                .setParameter("open", SupervisionNotice.Status.OPEN)
                .setParameter("current", Plan.Status.CURRENT);
        if (code != null) {
            query.setParameter("code", code);
        }
        return query.getSingleResult();
    }
}
