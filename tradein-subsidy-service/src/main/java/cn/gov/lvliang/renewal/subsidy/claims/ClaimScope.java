package cn.gov.lvliang.renewal.subsidy.claims;

import cn.gov.lvliang.renewal.platform.events.directory.DirectoryCounty;
import cn.gov.lvliang.renewal.platform.events.directory.DirectoryDepartment;
import cn.gov.lvliang.renewal.platform.security.Caller;
import cn.gov.lvliang.renewal.platform.security.CallerScope;
import cn.gov.lvliang.renewal.platform.security.Roles;
import cn.gov.lvliang.renewal.subsidy.programmes.DepartmentResponsibility;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * Which claims a caller may see, as a query condition (applied in the query, never after
 * loading): dealers and retailers their own (by credit code), county officers and county
 * reviewers their county, city-wide reviewers, city admins and auditors all, department officers
 * the claims of the programme categories they are responsible for (masked, like everyone's).
 */
record ClaimScope(String condition, Map<String, Object> parameters) {

    private static final Set<String> CITY_WIDE = Set.of(Roles.CITY_ADMIN, Roles.AUDITOR, Roles.SYSTEM_CLIENT);
    private static final Set<String> SELLERS = Set.of(Roles.DEALER, Roles.RETAILER);
    private static final String SELLER = "sellerCreditCode";

    private static final CallerScope.Rules READERS = readers(CITY_WIDE);
    /** The readers of aggregates (counts and sums, no personal data): the statistics bureau reads all too. */
    private static final CallerScope.Rules AGGREGATE_READERS =
            readers(Set.of(Roles.CITY_ADMIN, Roles.AUDITOR, Roles.SYSTEM_CLIENT, Roles.STATISTICS_BUREAU));

    private static final CallerScope.Rules REVIEWERS = CallerScope.Rules.of(Set.of(), Set.of(), Set.of())
            .withOptionalCounty(Set.of(Roles.REVIEWER))
            .withCounties(DirectoryCounty::isKnown);
    private static final CallerScope.Rules FILERS = CallerScope.Rules.of(
                    Set.of(), Set.of(Roles.COUNTY_OFFICER), SELLERS)
            .withCounties(DirectoryCounty::isKnown);

    static ClaimScope readable(Caller caller) {
        return of(READERS.resolve(caller));
    }

    /**
     * The claims a caller's aggregates count: the list's scope, and the statistics bureau's all,
     * since counts and sums per programme and month carry no personal data.
     */
    static CallerScope aggregateScope(Caller caller) {
        return AGGREGATE_READERS.resolve(caller);
    }

    /** Reviewers review inside their county, or city-wide when their token names no county. */
    static ClaimScope reviewable(Caller caller) {
        return of(REVIEWERS.resolve(caller));
    }

    /** Filers act on claims they could have filed: their own enterprise's, or their county's. */
    static ClaimScope fileable(Caller caller) {
        return of(FILERS.resolve(caller));
    }

    private static CallerScope.Rules readers(Set<String> cityWide) {
        return CallerScope.Rules.of(cityWide, Set.of(Roles.COUNTY_OFFICER), SELLERS)
                .withOptionalCounty(Set.of(Roles.REVIEWER))
                .withDepartments(Set.of(Roles.DEPARTMENT_OFFICER), DirectoryDepartment::isKnown)
                .withCounties(DirectoryCounty::isKnown);
    }

    static ClaimScope of(CallerScope scope) {
        CallerScope.Condition condition =
                scope.condition("county", SELLER, DepartmentResponsibility.programmeCondition("programmeId"));
        return new ClaimScope(condition.clause(), condition.parameters());
    }

    Map<String, Object> with(String name, Object value) {
        Map<String, Object> all = new HashMap<>(parameters);
        all.put(name, value);
        return all;
    }
}
