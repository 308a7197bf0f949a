package cn.gov.lvliang.renewal.subsidy.claims;

import static cn.gov.lvliang.renewal.subsidy.Fixtures.CLAIMS;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.lvliang.renewal.platform.security.Caller;
import cn.gov.lvliang.renewal.platform.security.Roles;
import cn.gov.lvliang.renewal.subsidy.Fixtures;
import cn.gov.lvliang.renewal.testing.TestIdentifiers;
import cn.gov.lvliang.renewal.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * What filing one claim costs the database (issue 23 §4): a home-appliance claim filed by a county
 * clerk with an Idempotency-Key, as the bench's load generator files them, counted at the JDBC
 * driver ({@link CountingDriver}). The figures are the ones bench's pgbench script {@code
 * claim-full-shape.sql} replays; change both together.
 */
@QuarkusTest
@TestProfile(ClaimStatementsTest.Counting.class)
class ClaimStatementsTest {

    /** Statements the service sends to PostgreSQL to file one claim (BEGIN and COMMIT not included). */
    static final int STATEMENTS_PER_CLAIM = 23;
    /** Round trips: each statement, except that a JDBC batch is one, plus each commit. */
    static final int ROUND_TRIPS_PER_CLAIM = 15;

    /** The service with {@link CountingDriver} in front of PostgreSQL's driver. */
    public static class Counting implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.datasource.jdbc.driver", CountingDriver.class.getName());
        }
    }

    @Test
    void filingOneClaimRunsTheStatementsThePgbenchScriptReplays() {
        file(); // the first claim reads what later claims may take from memory
        CountingDriver.start();
        file();
        CountingDriver.Count count = CountingDriver.stop();

        String listed = String.join("\n", count.statements());
        assertThat(count.statements()).as("statements per claim:\n%s", listed).hasSize(STATEMENTS_PER_CLAIM);
        assertThat(count.statements().stream().map(ClaimStatementsTest::shape).toList())
                .as("statements in order:\n%s", listed)
                .containsExactlyElementsOf(SHAPE);
        assertThat(count.roundTrips()).as("round trips per claim:\n%s", listed).isEqualTo(ROUND_TRIPS_PER_CLAIM);
    }

    /**
     * The statements in order, each as its verb and first table, as {@code claim-full-shape.sql}
     * replays them (the idempotency key in its own transaction, then the claim's).
     */
    static final List<String> SHAPE = List.of(
            "insert idempotency_key",
            "select programme",
            "insert claim",
            "insert outbox_event",
            "insert claim_unique_use", // takes the applicant's advisory lock first (decision 0057)
            "select claim",
            "select claim",
            "insert outbox_event",
            "insert claim_check",
            "insert claim_check",
            "insert claim_check",
            "insert claim_check",
            "insert claim_check",
            "insert claim_check",
            "insert claim_check",
            "insert claim_check",
            "insert claim_check",
            "insert claim_transition",
            "insert claim_transition",
            "insert claim_transition",
            "update claim",
            "update idempotency_key",
            "insert audit_pending");

    private static final Pattern VERB_AND_TABLE = Pattern.compile(
            "^(insert) into (\\w+)|^(update) (\\w+)|^(select) (pg_advisory_xact_lock)|^\\(?(select) .*? from \\(?(?:select .*? from )?(\\w+)");

    static String shape(String sql) {
        Matcher m = VERB_AND_TABLE.matcher(sql.toLowerCase(Locale.ROOT));
        if (!m.find()) {
            return sql;
        }
        for (int group = 1; group < m.groupCount(); group += 2) {
            if (m.group(group) != null) {
                return m.group(group) + " " + m.group(group + 1);
            }
        }
        return sql;
    }

    /** A claim like bench's {@code Bodies.claim}: a new applicant, invoice, serial and address. */
    private static void file() {
        String county = "141102";
        Map<String, Object> body = Fixtures.applianceClaim(
                "HOME-APPLIANCE",
                TestIdentifiers.creditCode(),
                county,
                TestIdentifiers.residentId(),
                "AIR_CONDITIONER",
                1,
                500_000,
                "2025-03-01");
        given().auth()
                .oauth2(TestTokens.token(Roles.COUNTY_OFFICER, Map.of(Caller.COUNTY_CLAIM, county)))
                .header(IdempotencyKeys.HEADER, "count-" + UUID.randomUUID())
                .contentType(ContentType.JSON)
                .body(body)
                .post(CLAIMS)
                .then()
                .statusCode(201);
    }
}
