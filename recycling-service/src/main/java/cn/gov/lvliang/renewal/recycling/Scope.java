package cn.gov.lvliang.renewal.recycling;

import cn.gov.lvliang.renewal.platform.events.directory.DirectoryCounty;
import cn.gov.lvliang.renewal.platform.events.directory.DirectoryDepartment;
import cn.gov.lvliang.renewal.platform.security.Caller;
import cn.gov.lvliang.renewal.platform.security.CallerScope;
import cn.gov.lvliang.renewal.platform.security.Roles;
import cn.gov.lvliang.renewal.recycling.organisation.Area;
import cn.gov.lvliang.renewal.recycling.organisation.DepartmentResponsibility;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * The part of a query that limits records to the caller's scope (applied in the query, never
 * after loading): city-wide roles see everything, a county officer its county, a department officer
 * the {@link Area}s it is responsible for ({@link DepartmentResponsibility}), an enterprise its own
 * records, anyone else nothing.
 *
 * @param clause a JPQL condition using the named parameters in {@code parameters}
 * @param parameters the scope's parameter values
 */
public record Scope(String clause, Map<String, Object> parameters) {

    /** Roles that read city-wide. */
    public static final Set<String> CITY_WIDE = Set.of(Roles.CITY_ADMIN, Roles.AUDITOR);

    private static final CallerScope.Rules RULES = CallerScope.Rules.of(
                    CITY_WIDE, Set.of(Roles.COUNTY_OFFICER), Roles.ENTERPRISE_ROLES)
            .withDepartments(Set.of(Roles.DEPARTMENT_OFFICER), DirectoryDepartment::isKnown)
            .withCounties(DirectoryCounty::isKnown);

    /**
     * @param area what kind of records, for department officers
     * @param countyField the entity field holding the record's county code
     * @param enterpriseField the entity field holding the owning enterprise's credit code, or a
     *     JPQL condition written with the parameter {@code :scopeEnterprise}, or {@code null} when
     *     enterprises never read this kind of record
     */
    public static Scope of(Caller caller, Area area, String countyField, String enterpriseField) {
        CallerScope.Condition condition =
                RULES.resolve(caller).condition(countyField, enterpriseField, DepartmentResponsibility.condition(area));
        return new Scope(condition.clause(), condition.parameters());
    }

    /** A query starting with this scope, to which filters are added. */
    public Query query() {
        return new Query(new StringBuilder("(" + clause + ")"), new HashMap<>(parameters));
    }

    /** A JPQL condition and its named parameters, ready for Panache's {@code find}. */
    public static final class Query {
        private final StringBuilder where;
        private final Map<String, Object> parameters;

        private Query(StringBuilder where, Map<String, Object> parameters) {
            this.where = where;
            this.parameters = parameters;
        }

        /** Adds {@code field = value}, unless {@code value} is null (no filter). */
        public Query eq(String field, Object value) {
            return value == null ? this : where(field + " = :p", value);
        }

        /** Adds a condition whose single parameter is written {@code :p}. */
        public Query where(String condition, Object value) {
            String name = "p" + parameters.size();
            where.append(" and ").append(condition.replace(":p", ":" + name));
            parameters.put(name, value);
            return this;
        }

        public String where() {
            return where.toString();
        }

        public Map<String, Object> parameters() {
            return parameters;
        }
    }
}
