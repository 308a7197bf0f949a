package cn.gov.lvliang.renewal.equipment.scope;

import cn.gov.lvliang.renewal.platform.events.directory.DirectoryCounty;
import cn.gov.lvliang.renewal.platform.events.directory.DirectoryDepartment;
import cn.gov.lvliang.renewal.platform.problem.Problems;
import cn.gov.lvliang.renewal.platform.security.Caller;
import cn.gov.lvliang.renewal.platform.security.CallerScope;
import cn.gov.lvliang.renewal.platform.security.Roles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Resolves the caller's {@link Scope}; department scopes come from the {@code department_scope}
 * table, for a department the organisation directory knows (else 403).
 */
@ApplicationScoped
public class Scopes {

    private final CallerScope.Rules rules;
    private final EntityManager em;

    public Scopes(EntityManager em) {
        this.em = em;
        this.rules = CallerScope.Rules.of(
                        Set.of(Roles.CITY_ADMIN, Roles.AUDITOR), Set.of(Roles.COUNTY_OFFICER), Roles.ENTERPRISE_ROLES)
                .withDepartments(Set.of(Roles.DEPARTMENT_OFFICER), DirectoryDepartment::isKnown)
                .withCounties(DirectoryCounty::isKnown);
    }

    public Scope of(Caller caller) {
        CallerScope scope = rules.resolve(caller);
        return switch (scope.kind()) {
            case CITY -> new Scope(Scope.Kind.CITY, null, Set.of(), Set.of(), caller.hasRole(Roles.CITY_ADMIN));
            case COUNTY -> new Scope(Scope.Kind.COUNTY, scope.code(), Set.of(), Set.of(), true);
            case DEPARTMENT -> department(scope.code());
            case ENTERPRISE -> new Scope(Scope.Kind.ENTERPRISE, scope.code(), Set.of(), Set.of(), true);
            case NONE -> Scope.none();
        };
    }

    private Scope department(String department) {
        Set<String> sectors = new HashSet<>();
        Set<String> categories = new HashSet<>();
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(
                        "select sector_code, category from department_scope where department = ?1")
                .setParameter(1, department)
                .getResultList();
        for (Object[] row : rows) {
            if (row[0] != null) {
                sectors.add((String) row[0]);
            }
            if (row[1] != null) {
                categories.add((String) row[1]);
            }
        }
        return new Scope(Scope.Kind.DEPARTMENT, department, Set.copyOf(sectors), Set.copyOf(categories), true);
    }

    /** The caller's scope, refusing read-only callers with 403. */
    public Scope forWriting(Caller caller) {
        Scope scope = of(caller);
        if (!scope.writable()) {
            throw Problems.forbidden("read-only", "detail.read-only");
        }
        return scope;
    }
}
