package cn.gov.lvliang.renewal.tasks.organisation;

import cn.gov.lvliang.renewal.platform.security.Caller;
import cn.gov.lvliang.renewal.platform.security.CallerScope;
import cn.gov.lvliang.renewal.platform.security.Roles;
import java.util.Set;

/**
 * The caller's scope in tasks-service: city-wide readers, a county officer's county, a department
 * officer's department (which must be in the directory, else 403), matched without regard to case.
 * tasks-service's own tables are the directory (decision 0042): {@code department} for a department
 * claim, {@code implementing_unit}'s counties for a county claim; the platform read models that every
 * service's migrations create are not read here.
 */
public final class CallerScopes {

    /** Roles that read every county's and department's work. */
    public static final Set<String> CITY_WIDE =
            Set.of(Roles.CITY_ADMIN, Roles.AUDITOR, Roles.STATISTICS_BUREAU, Roles.SYSTEM_CLIENT);

    private static final CallerScope.Rules RULES = CallerScope.Rules.of(
                    CITY_WIDE, Set.of(Roles.COUNTY_OFFICER), Set.of())
            .withDepartments(Set.of(Roles.DEPARTMENT_OFFICER), code -> Department.findById(code) != null)
            .withCounties(CallerScopes::county);

    private CallerScopes() {}

    public static CallerScope of(Caller caller) {
        return RULES.resolve(caller);
    }

    /** A county of the directory: an implementing unit of kind {@code COUNTY}. */
    private static boolean county(String code) {
        ImplementingUnit unit = ImplementingUnit.findById(code);
        return unit != null && unit.kind == ImplementingUnit.Kind.COUNTY;
    }
}
