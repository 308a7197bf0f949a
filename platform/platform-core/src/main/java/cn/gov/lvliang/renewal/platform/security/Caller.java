package cn.gov.lvliang.renewal.platform.security;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Who is calling, read from the verified token: the subject, the roles, and the scope that
 * limits them. Scope claims: {@code county} (a GB/T 2260 area code), {@code department} (a
 * department code) and {@code enterprise} (a unified social credit code).
 *
 * <p>Services apply the scope inside their queries, never after loading the data.
 */
@RequestScoped
public class Caller {

    public static final String COUNTY_CLAIM = "county";
    public static final String DEPARTMENT_CLAIM = "department";
    public static final String ENTERPRISE_CLAIM = "enterprise";

    private final JsonWebToken token;

    @Inject
    public Caller(JsonWebToken token) {
        this.token = token;
    }

    public String subject() {
        return token.getSubject() == null ? token.getName() : token.getSubject();
    }

    public Set<String> roles() {
        return token.getGroups() == null ? Set.of() : token.getGroups();
    }

    public boolean hasRole(String role) {
        return roles().contains(role);
    }

    public boolean hasAnyRole(Set<String> candidates) {
        return candidates.stream().anyMatch(this::hasRole);
    }

    public Optional<String> county() {
        return claim(COUNTY_CLAIM);
    }

    public Optional<String> department() {
        return claim(DEPARTMENT_CLAIM);
    }

    public Optional<String> enterprise() {
        return claim(ENTERPRISE_CLAIM);
    }

    private Optional<String> claim(String name) {
        Object value = token.getClaim(name);
        if (value == null) {
            return Optional.empty();
        }
        String text = value instanceof jakarta.json.JsonString json ? json.getString() : value.toString();
        return text.isBlank() ? Optional.empty() : Optional.of(text);
    }
}
