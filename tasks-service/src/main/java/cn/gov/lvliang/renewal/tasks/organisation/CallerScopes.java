package cn.gov.lvliang.renewal.tasks.organisation;

import cn.gov.lvliang.renewal.platform.events.directory.DirectoryDepartment;
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
            .withDepartments(Set.of(Roles.DEPARTMENT_OFFICER), CallerScopes::known);

    private CallerScopes() {}

    public static CallerScope of(Caller caller) {
        return RULES.resolve(caller);
    }

    /**
     * A department of an imported plan or added by the city, or one of the plan's departments that
     * every service's directory starts with (platform migration V0_4), so that a department
     * officer has a desk before the first plan is imported.
     */
    private static boolean known(String code) {
        return Department.findById(code) != null || DirectoryDepartment.isKnown(code);
    }
}
