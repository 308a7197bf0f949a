package cn.gov.lvliang.renewal.subsidy.claims;

import cn.gov.lvliang.renewal.platform.security.Caller;
import cn.gov.lvliang.renewal.platform.security.Roles;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * Which claims a caller may see, as a query condition (applied in the query, never after
 * loading): dealers and retailers their own (by credit code), county officers and county
 * reviewers their county, city-wide reviewers, city admins and auditors all.
 */
record ClaimScope(String condition, Map<String, Object> parameters) {

    private static final Set<String> CITY_WIDE = Set.of(Roles.CITY_ADMIN, Roles.AUDITOR, Roles.SYSTEM_CLIENT);

    static ClaimScope readable(Caller caller) {
        if (caller.hasAnyRole(CITY_WIDE)) {
            return new ClaimScope("1 = 1", Map.of());
        }
        if (caller.hasRole(Roles.REVIEWER)) {
            return reviewable(caller);
        }
        if (caller.hasRole(Roles.COUNTY_OFFICER) && caller.county().isPresent()) {
            return new ClaimScope(
                    "county = :scopeCounty",
                    Map.of("scopeCounty", caller.county().get()));
        }
        if (caller.hasAnyRole(Set.of(Roles.DEALER, Roles.RETAILER))
                && caller.enterprise().isPresent()) {
            return new ClaimScope(
                    "sellerCreditCode = :scopeEnterprise",
                    Map.of("scopeEnterprise", caller.enterprise().get()));
        }
        return new ClaimScope("1 = 0", Map.of());
    }

    /** Reviewers review inside their county, or city-wide when their token names no county. */
    static ClaimScope reviewable(Caller caller) {
        if (!caller.hasRole(Roles.REVIEWER)) {
            return new ClaimScope("1 = 0", Map.of());
        }
        return caller.county()
                .map(county -> new ClaimScope("county = :scopeCounty", Map.of("scopeCounty", (Object) county)))
                .orElse(new ClaimScope("1 = 1", Map.of()));
    }

    /** Filers act on claims they could have filed: their own enterprise's, or their county's. */
    static ClaimScope fileable(Caller caller) {
        if (caller.hasRole(Roles.COUNTY_OFFICER) && caller.county().isPresent()) {
            return new ClaimScope(
                    "county = :scopeCounty",
                    Map.of("scopeCounty", caller.county().get()));
        }
        if (caller.hasAnyRole(Set.of(Roles.DEALER, Roles.RETAILER))
                && caller.enterprise().isPresent()) {
            return new ClaimScope(
                    "sellerCreditCode = :scopeEnterprise",
                    Map.of("scopeEnterprise", caller.enterprise().get()));
        }
        return new ClaimScope("1 = 0", Map.of());
    }

    Map<String, Object> with(String name, Object value) {
        Map<String, Object> all = new HashMap<>(parameters);
        all.put(name, value);
        return all;
    }
}
