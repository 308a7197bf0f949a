package cn.gov.lvliang.renewal.console.session;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.qute.TemplateData;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;

/**
 * The signed-in user (登录用户): the bearer token the console sends to the gateway, and what its
 * claims say about the user, for navigation only. The console never decides access by them: the
 * services check the token on every call.
 *
 * @param token the raw JWT, sent as {@code Authorization: Bearer}
 * @param subject the token's {@code sub}
 * @param roles the {@code groups} claim
 * @param county the {@code county} scope claim, or {@code null}
 * @param department the {@code department} scope claim, or {@code null}
 * @param enterprise the {@code enterprise} scope claim, or {@code null}
 * @param expiresAt the token's {@code exp}
 */
@TemplateData
public record Session(
        String token,
        String subject,
        List<String> roles,
        String county,
        String department,
        String enterprise,
        Instant expiresAt) {

    public static final String CITY_ADMIN = "city-admin";
    public static final String STATISTICS_BUREAU = "statistics-bureau";
    public static final String AUDITOR = "auditor";
    public static final String REVIEWER = "reviewer";
    public static final String COUNTY_OFFICER = "county-officer";
    public static final String DEPARTMENT_OFFICER = "department-officer";

    /** Who sees the leadership dashboard (领导驾驶舱). */
    public static final Set<String> LEADERSHIP = Set.of(CITY_ADMIN, STATISTICS_BUREAU, AUDITOR);

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Reads the claims of a JWT without verifying it: the gateway and the services verify it. */
    public static Session fromToken(String token) {
        String[] parts = token.split("\\.");
        if (parts.length < 2) {
            throw new IllegalArgumentException("not a JWT");
        }
        JsonNode claims;
        try {
            claims = JSON.readTree(new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<String> roles = new ArrayList<>();
        claims.path("groups").forEach(group -> roles.add(group.asText()));
        return new Session(
                token,
                claims.path("sub").asText(null),
                List.copyOf(roles),
                text(claims, "county"),
                text(claims, "department"),
                text(claims, "enterprise"),
                Instant.ofEpochSecond(claims.path("exp").asLong(Long.MAX_VALUE / 1000)));
    }

    private static String text(JsonNode claims, String name) {
        JsonNode value = claims.get(name);
        return value == null || value.isNull() || value.asText().isBlank() ? null : value.asText();
    }

    public boolean expired(Instant now) {
        return !now.isBefore(expiresAt);
    }

    public boolean has(String role) {
        return roles.contains(role);
    }

    public boolean hasAny(Set<String> wanted) {
        return roles.stream().anyMatch(wanted::contains);
    }

    /** The role shown in the header: the first of the token's roles. */
    public String role() {
        return roles.isEmpty() ? "" : roles.get(0);
    }

    /** The scope shown in the header: county, department or enterprise code. */
    public String scope() {
        return county != null ? county : department != null ? department : enterprise != null ? enterprise : "";
    }

    public boolean leadership() {
        return hasAny(LEADERSHIP);
    }

    public boolean reviewer() {
        return has(REVIEWER);
    }

    public boolean countyOfficer() {
        return has(COUNTY_OFFICER);
    }

    public boolean departmentOfficer() {
        return has(DEPARTMENT_OFFICER);
    }

    /** The equipment lists are for county officers and enterprises (those with an enterprise claim). */
    public boolean equipment() {
        return countyOfficer() || enterprise != null;
    }
}
