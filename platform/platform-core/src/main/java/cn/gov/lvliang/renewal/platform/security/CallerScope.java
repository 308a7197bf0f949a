package cn.gov.lvliang.renewal.platform.security;

import cn.gov.lvliang.renewal.platform.identifiers.AreaCode;
import cn.gov.lvliang.renewal.platform.problem.Problems;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Whom a caller acts for (权限范围): the whole city, one county, one department, one enterprise,
 * or nothing. Each service decides which of its roles resolve to which kind ({@link Rules}) and
 * turns the result into a condition inside its queries; the kinds, the order in which roles are
 * tried and the code scheme are shared here.
 *
 * <p>Codes are canonical whatever case the token writes them in: county codes are the GB/T 2260
 * digits, department codes lower-case ({@code gxj}, {@code swj}: the plan's pinyin initials,
 * decision 0029), enterprise credit codes upper-case. A county or department the directory does
 * not know answers 403 with a message naming the claim and the value.
 *
 * @param code the county, department or enterprise code; null for {@link Kind#CITY} and {@link Kind#NONE}
 */
public record CallerScope(Kind kind, String code) {

    public enum Kind {
        CITY,
        COUNTY,
        DEPARTMENT,
        ENTERPRISE,
        NONE
    }

    public static final CallerScope CITY = new CallerScope(Kind.CITY, null);
    public static final CallerScope NONE = new CallerScope(Kind.NONE, null);

    /** True when this scope is of {@code kind} and its code equals {@code other}, ignoring case. */
    public boolean is(Kind kind, String other) {
        return this.kind == kind && code != null && code.equalsIgnoreCase(other);
    }

    /** The canonical form of a department code: trimmed and lower-case. */
    public static String canonicalDepartment(String code) {
        return code == null ? null : code.strip().toLowerCase(Locale.ROOT);
    }

    /** The canonical form of a credit code: trimmed and upper-case. */
    public static String canonicalEnterprise(String code) {
        return code == null ? null : code.strip().toUpperCase(Locale.ROOT);
    }

    /**
     * A JPQL condition limiting records to this scope, with named parameters {@code scopeCounty}
     * and {@code scopeEnterprise}.
     *
     * @param countyField the entity field holding the record's county code
     * @param enterpriseField the entity field holding the owning enterprise's credit code, or a
     *     condition written with {@code :scopeEnterprise}; null when enterprises never see these records
     * @param departmentCondition the condition for a department (written with {@code :scopeDepartment}),
     *     or null when departments see nothing of these records
     */
    public Condition condition(String countyField, String enterpriseField, String departmentCondition) {
        return switch (kind) {
            case CITY -> Condition.ALL;
            case COUNTY -> new Condition(countyField + " = :scopeCounty", Map.of("scopeCounty", code));
            case DEPARTMENT ->
                departmentCondition == null
                        ? Condition.NOTHING
                        : new Condition(departmentCondition, Map.of("scopeDepartment", code));
            case ENTERPRISE ->
                enterpriseField == null
                        ? Condition.NOTHING
                        : new Condition(
                                enterpriseField.contains(":scopeEnterprise")
                                        ? enterpriseField
                                        : enterpriseField + " = :scopeEnterprise",
                                Map.of("scopeEnterprise", code));
            case NONE -> Condition.NOTHING;
        };
    }

    /** A JPQL condition and its named parameters. */
    public record Condition(String clause, Map<String, Object> parameters) {
        public static final Condition ALL = new Condition("1 = 1", Map.of());
        public static final Condition NOTHING = new Condition("1 = 0", Map.of());
    }

    /**
     * Which roles resolve to which kind of scope, tried in this order: city-wide roles, roles whose
     * county claim is optional (city-wide without one), county roles, department roles, enterprise
     * roles. A role whose claim is missing resolves to nothing.
     *
     * @param knownDepartment whether a department code is in the organisation directory
     * @param knownCounty whether a county code is one of the directory's counties: the service's read
     *     model of the directory (decision 0042), or the fixed {@link AreaCode} list by default
     */
    public record Rules(
            Set<String> cityWide,
            Set<String> countyOrCity,
            Set<String> county,
            Set<String> department,
            Set<String> enterprise,
            Predicate<String> knownDepartment,
            Predicate<String> knownCounty) {

        /** Rules without optional-county or department roles. */
        public static Rules of(Set<String> cityWide, Set<String> county, Set<String> enterprise) {
            return new Rules(cityWide, Set.of(), county, Set.of(), enterprise, code -> true, AreaCode::isCounty);
        }

        public Rules withDepartments(Set<String> roles, Predicate<String> known) {
            return new Rules(cityWide, countyOrCity, county, roles, enterprise, known, knownCounty);
        }

        /** These rules with the counties checked against {@code known} (the directory's read model). */
        public Rules withCounties(Predicate<String> known) {
            return new Rules(cityWide, countyOrCity, county, department, enterprise, knownDepartment, known);
        }

        public Rules withOptionalCounty(Set<String> roles) {
            return new Rules(cityWide, roles, county, department, enterprise, knownDepartment, knownCounty);
        }

        /** The caller's scope; 403 when its county or department claim names an unknown code. */
        public CallerScope resolve(Caller caller) {
            if (caller.hasAnyRole(cityWide)) {
                return CITY;
            }
            if (caller.hasAnyRole(countyOrCity)) {
                return caller.county().map(this::county).orElse(CITY);
            }
            if (caller.hasAnyRole(county) && caller.county().isPresent()) {
                return county(caller.county().get());
            }
            if (caller.hasAnyRole(department) && caller.department().isPresent()) {
                String code = canonicalDepartment(caller.department().get());
                if (!knownDepartment.test(code)) {
                    throw unknown(Caller.DEPARTMENT_CLAIM, code);
                }
                return new CallerScope(Kind.DEPARTMENT, code);
            }
            if (caller.hasAnyRole(enterprise) && caller.enterprise().isPresent()) {
                return new CallerScope(
                        Kind.ENTERPRISE, canonicalEnterprise(caller.enterprise().get()));
            }
            return NONE;
        }

        private CallerScope county(String value) {
            String code = value.strip();
            if (!knownCounty.test(code)) {
                throw unknown(Caller.COUNTY_CLAIM, code);
            }
            return new CallerScope(Kind.COUNTY, code);
        }

        private static RuntimeException unknown(String claim, String code) {
            return Problems.forbidden("unknown-scope", "detail.unknown-scope", claim, code);
        }
    }
}
