package cn.gov.lvliang.renewal.testing;

import cn.gov.lvliang.renewal.platform.security.Caller;
import cn.gov.lvliang.renewal.platform.security.Roles;
import cn.gov.lvliang.renewal.platform.security.TokenMinter;
import java.time.Duration;
import java.util.Map;
import java.util.Set;

/** Bearer tokens for tests, signed with {@link TestKeys#SIGNING} and trusted by the app under test. */
public final class TestTokens {

    public static final String ISSUER = "https://test-issuer.renewal.local";
    private static final TokenMinter MINTER =
            new TokenMinter(TestKeys.SIGNING.getPrivate(), ISSUER, Duration.ofMinutes(30));

    private TestTokens() {}

    public static String token(String role, Map<String, String> scope) {
        return MINTER.mint("test-" + role, Set.of(role), scope);
    }

    /** A token for a named person or client ({@code sub}). */
    public static String token(String subject, String role, Map<String, String> claims) {
        return MINTER.mint(subject, Set.of(role), claims);
    }

    public static String cityAdmin() {
        return token(Roles.CITY_ADMIN, Map.of());
    }

    public static String auditor() {
        return token(Roles.AUDITOR, Map.of());
    }

    public static String countyOfficer(String county) {
        return token(Roles.COUNTY_OFFICER, Map.of(Caller.COUNTY_CLAIM, county));
    }

    public static String enterprise(String role, String creditCode) {
        return token(role, Map.of(Caller.ENTERPRISE_CLAIM, creditCode));
    }

    /** The {@code Authorization} header value. */
    public static String bearer(String token) {
        return "Bearer " + token;
    }
}
