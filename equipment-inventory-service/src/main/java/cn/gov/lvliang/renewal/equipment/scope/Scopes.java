package cn.gov.lvliang.renewal.equipment.scope;

import cn.gov.lvliang.renewal.platform.problem.Problems;
import cn.gov.lvliang.renewal.platform.security.Caller;
import cn.gov.lvliang.renewal.platform.security.Roles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Resolves the caller's {@link Scope}; department scopes come from the {@code department_scope} table. */
@ApplicationScoped
public class Scopes {

    private final EntityManager em;

    public Scopes(EntityManager em) {
        this.em = em;
    }

    public Scope of(Caller caller) {
        if (caller.hasRole(Roles.CITY_ADMIN)) {
            return new Scope(Scope.Kind.CITY, null, Set.of(), Set.of(), true);
        }
        if (caller.hasRole(Roles.AUDITOR)) {
            return new Scope(Scope.Kind.CITY, null, Set.of(), Set.of(), false);
        }
        if (caller.hasRole(Roles.COUNTY_OFFICER) && caller.county().isPresent()) {
            return new Scope(Scope.Kind.COUNTY, caller.county().get(), Set.of(), Set.of(), true);
        }
        if (caller.hasRole(Roles.DEPARTMENT_OFFICER) && caller.department().isPresent()) {
            String department = caller.department().get();
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
        if (caller.hasAnyRole(Roles.ENTERPRISE_ROLES) && caller.enterprise().isPresent()) {
            return new Scope(Scope.Kind.ENTERPRISE, caller.enterprise().get(), Set.of(), Set.of(), true);
        }
        return Scope.none();
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
