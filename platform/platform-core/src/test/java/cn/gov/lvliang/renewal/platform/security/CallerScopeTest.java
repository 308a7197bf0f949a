package cn.gov.lvliang.renewal.platform.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.gov.lvliang.renewal.platform.problem.ProblemException;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.junit.jupiter.api.Test;

class CallerScopeTest {

    private static final CallerScope.Rules RULES = CallerScope.Rules.of(
                    Set.of(Roles.CITY_ADMIN), Set.of(Roles.COUNTY_OFFICER), Set.of(Roles.DEALER))
            .withOptionalCounty(Set.of(Roles.REVIEWER))
            .withDepartments(Set.of(Roles.DEPARTMENT_OFFICER), Set.of("gxj", "swj")::contains);

    @Test
    void rolesResolveInOrderAndCodesAreCanonical() {
        assertThat(RULES.resolve(caller(Roles.CITY_ADMIN, Map.of("county", "141102"))))
                .isEqualTo(CallerScope.CITY);
        assertThat(RULES.resolve(caller(Roles.REVIEWER, Map.of()))).isEqualTo(CallerScope.CITY);
        assertThat(RULES.resolve(caller(Roles.REVIEWER, Map.of("county", "141123"))))
                .isEqualTo(new CallerScope(CallerScope.Kind.COUNTY, "141123"));
        assertThat(RULES.resolve(caller(Roles.COUNTY_OFFICER, Map.of("county", " 141102 "))))
                .isEqualTo(new CallerScope(CallerScope.Kind.COUNTY, "141102"));
        assertThat(RULES.resolve(caller(Roles.DEPARTMENT_OFFICER, Map.of("department", "SWJ"))))
                .isEqualTo(new CallerScope(CallerScope.Kind.DEPARTMENT, "swj"));
        assertThat(RULES.resolve(caller(Roles.DEALER, Map.of("enterprise", "91141100mA0k00000x"))))
                .isEqualTo(new CallerScope(CallerScope.Kind.ENTERPRISE, "91141100MA0K00000X"));
        assertThat(RULES.resolve(caller(Roles.COUNTY_OFFICER, Map.of()))).isEqualTo(CallerScope.NONE);
        assertThat(RULES.resolve(caller(Roles.AUDITOR, Map.of("county", "141102"))))
                .isEqualTo(CallerScope.NONE);
    }

    @Test
    void anUnknownCountyOrDepartmentIsForbiddenNamingTheClaim() {
        assertThatThrownBy(() -> RULES.resolve(caller(Roles.COUNTY_OFFICER, Map.of("county", "141100"))))
                .isInstanceOfSatisfying(
                        ProblemException.class, e -> assertThat(e.status()).isEqualTo(403));
        assertThatThrownBy(() -> RULES.resolve(caller(Roles.DEPARTMENT_OFFICER, Map.of("department", "industry"))))
                .isInstanceOfSatisfying(
                        ProblemException.class, e -> assertThat(e.args()).containsExactly("department", "industry"));
    }

    @Test
    void countiesAreCheckedAgainstTheDirectoryGiven() {
        CallerScope.Rules directory = RULES.withCounties(Set.of("141102", "141199")::contains);
        assertThat(directory.resolve(caller(Roles.COUNTY_OFFICER, Map.of("county", "141199"))))
                .isEqualTo(new CallerScope(CallerScope.Kind.COUNTY, "141199"));
        assertThatThrownBy(() -> directory.resolve(caller(Roles.REVIEWER, Map.of("county", "141123"))))
                .isInstanceOfSatisfying(
                        ProblemException.class, e -> assertThat(e.args()).containsExactly("county", "141123"));
        assertThat(directory.resolve(caller(Roles.DEPARTMENT_OFFICER, Map.of("department", "gxj"))))
                .isEqualTo(new CallerScope(CallerScope.Kind.DEPARTMENT, "gxj"));
    }

    @Test
    void conditionsNameTheScopeParameters() {
        CallerScope county = new CallerScope(CallerScope.Kind.COUNTY, "141102");
        assertThat(county.condition("county", "seller", null))
                .isEqualTo(new CallerScope.Condition("county = :scopeCounty", Map.of("scopeCounty", "141102")));
        CallerScope dealer = new CallerScope(CallerScope.Kind.ENTERPRISE, "X");
        assertThat(dealer.condition("county", "seller", null).clause()).isEqualTo("seller = :scopeEnterprise");
        assertThat(dealer.condition("county", null, null)).isEqualTo(CallerScope.Condition.NOTHING);
        CallerScope department = new CallerScope(CallerScope.Kind.DEPARTMENT, "swj");
        assertThat(department.condition("county", null, null)).isEqualTo(CallerScope.Condition.NOTHING);
        assertThat(department.condition("county", null, "d = :scopeDepartment").parameters())
                .containsEntry("scopeDepartment", "swj");
        assertThat(department.is(CallerScope.Kind.DEPARTMENT, "SWJ")).isTrue();
        assertThat(CallerScope.CITY.condition("county", null, null)).isEqualTo(CallerScope.Condition.ALL);
    }

    private static Caller caller(String role, Map<String, String> claims) {
        Map<String, Object> all = new HashMap<>(claims);
        all.put("groups", Set.of(role));
        return new Caller(new JsonWebToken() {
            @Override
            public String getName() {
                return "test";
            }

            @Override
            public Set<String> getClaimNames() {
                return all.keySet();
            }

            @Override
            @SuppressWarnings("unchecked")
            public <T> T getClaim(String name) {
                return (T) all.get(name);
            }
        });
    }
}
