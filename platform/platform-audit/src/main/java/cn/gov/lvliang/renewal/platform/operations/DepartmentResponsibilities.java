package cn.gov.lvliang.renewal.platform.operations;

import cn.gov.lvliang.renewal.platform.events.directory.DirectoryDepartment;
import cn.gov.lvliang.renewal.platform.problem.Problems;
import cn.gov.lvliang.renewal.platform.security.Caller;
import cn.gov.lvliang.renewal.platform.security.CallerScope;
import cn.gov.lvliang.renewal.platform.security.Roles;
import java.util.Set;

/**
 * What each department reads in a service (部门职责范围), written once for equipment, subsidy and
 * recycling (decision 0042): who may read which department's responsibility and which department
 * codes a read or a change may name. A service subclasses it with its {@code @Path},
 * {@code @Audited}, its view and change records and the storage of its responsibilities; its
 * resource methods carry their own annotations because each service's operationIds, texts and
 * schemas differ (the documents keep them as they were), and each is one line calling this class.
 *
 * @param <V> the service's view of one department's responsibility
 * @param <C> the service's change request
 */
public abstract class DepartmentResponsibilities<V, C> {

    private static final CallerScope.Rules RULES = CallerScope.Rules.of(
                    Set.of(Roles.CITY_ADMIN, Roles.AUDITOR), Set.of(), Set.of())
            .withDepartments(Set.of(Roles.DEPARTMENT_OFFICER), DirectoryDepartment::isKnown);

    private final Caller caller;

    protected DepartmentResponsibilities(Caller caller) {
        this.caller = caller;
    }

    /** The responsibility of a department the directory knows (canonical code); empty when it has none. */
    protected abstract V of(String department);

    /** Replaces the responsibility of a department the directory knows (canonical code). */
    protected abstract V replace(String department, C request);

    /**
     * One department's responsibility: any known department's for the city administrator and the
     * auditor, a department officer's own only (another department's → 404, as if it did not exist;
     * an officer whose claim the directory does not know → 403 {@code unknown-scope}).
     */
    protected V read(String department) {
        CallerScope scope = RULES.resolve(caller);
        String code = CallerScope.canonicalDepartment(department);
        if (scope.kind() != CallerScope.Kind.CITY && !scope.is(CallerScope.Kind.DEPARTMENT, code)) {
            throw Problems.notFound("resource.department", department);
        }
        return of(known(department));
    }

    /** The city administrator's change. */
    protected V update(String department, C request) {
        return replace(known(department), request);
    }

    /** The canonical code of a department the organisation directory knows; 404 otherwise. */
    private static String known(String department) {
        String code = CallerScope.canonicalDepartment(department);
        if (!DirectoryDepartment.isKnown(code)) {
            throw Problems.notFound("resource.department", department);
        }
        return code;
    }
}
