package cn.gov.lvliang.renewal.tasks.organisation;

import cn.gov.lvliang.renewal.platform.security.Caller;
import cn.gov.lvliang.renewal.platform.security.CallerScope;
import cn.gov.lvliang.renewal.platform.security.Roles;
import java.util.Set;

/**
 * The caller's scope in tasks-service: city-wide readers, a county officer's county, a department
 * officer's department (which must be in the directory, else 403), matched without regard to case.
 */
public final class CallerScopes {

    /** Roles that read every county's and department's work. */
    public static final Set<String> CITY_WIDE =
            Set.of(Roles.CITY_ADMIN, Roles.AUDITOR, Roles.STATISTICS_BUREAU, Roles.SYSTEM_CLIENT);

    private static final CallerScope.Rules RULES = CallerScope.Rules.of(
                    CITY_WIDE, Set.of(Roles.COUNTY_OFFICER), Set.of())
            .withDepartments(Set.of(Roles.DEPARTMENT_OFFICER), code -> Department.findById(code) != null);

    private CallerScopes() {}

    public static CallerScope of(Caller caller) {
        return RULES.resolve(caller);
    }
}
