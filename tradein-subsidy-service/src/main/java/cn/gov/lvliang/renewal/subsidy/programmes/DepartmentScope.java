package cn.gov.lvliang.renewal.subsidy.programmes;

import cn.gov.lvliang.renewal.platform.events.directory.DirectoryCounty;
import cn.gov.lvliang.renewal.platform.events.directory.DirectoryDepartment;
import cn.gov.lvliang.renewal.platform.security.Caller;
import cn.gov.lvliang.renewal.platform.security.CallerScope;
import cn.gov.lvliang.renewal.platform.security.Roles;
import java.util.Optional;
import java.util.Set;

/**
 * What a department officer (市直部门) reads here: the programmes of the categories its
 * responsibility names ({@link DepartmentResponsibility}), their claims and budget accounts. Its
 * department code must be in the organisation directory (else 403).
 */
public final class DepartmentScope {

    /** Resolves department officers only; with the department's code lower-cased. */
    public static final CallerScope.Rules RULES = CallerScope.Rules.of(Set.of(), Set.of(), Set.of())
            .withDepartments(Set.of(Roles.DEPARTMENT_OFFICER), DirectoryDepartment::isKnown);

    /** County officers and reviewers with a county: resolving refuses a county not one of the 13. */
    private static final CallerScope.Rules COUNTIES = CallerScope.Rules.of(
                    Set.of(), Set.of(Roles.COUNTY_OFFICER), Set.of())
            .withOptionalCounty(Set.of(Roles.REVIEWER))
            .withCounties(DirectoryCounty::isKnown);

    private DepartmentScope() {}

    /**
     * Refuses with 403 {@code unknown-scope} a county claim that the directory's read model does not know as a county, for
     * the reads that take the caller's county straight from the token (budget, payment batches,
     * scrap certificates), as the claims' scope does.
     */
    public static void requireKnownCounty(Caller caller) {
        COUNTIES.resolve(caller);
    }

    /**
     * For a department officer, the condition limiting {@code programmeIdField} to the programmes it
     * reads (nothing without a department claim); empty for every other caller.
     */
    public static Optional<CallerScope.Condition> programmes(Caller caller, String programmeIdField) {
        if (!caller.hasRole(Roles.DEPARTMENT_OFFICER)) {
            return Optional.empty();
        }
        return Optional.of(RULES.resolve(caller)
                .condition(null, null, DepartmentResponsibility.programmeCondition(programmeIdField)));
    }
}
