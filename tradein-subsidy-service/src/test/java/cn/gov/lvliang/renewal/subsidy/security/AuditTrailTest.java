package cn.gov.lvliang.renewal.subsidy.security;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import cn.gov.lvliang.renewal.platform.security.Caller;
import cn.gov.lvliang.renewal.platform.security.Roles;
import cn.gov.lvliang.renewal.subsidy.Fixtures;
import cn.gov.lvliang.renewal.testing.TestIdentifiers;
import cn.gov.lvliang.renewal.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Writes leave a chained audit record; reads of masked data do not; tampering is found. */
@QuarkusTest
class AuditTrailTest {

    private static final String TRAIL = "/api/subsidies/audit-records";

    private static Map<String, Object> recordOf(String requestId) {
        List<Map<String, Object>> items = given().auth()
                .oauth2(TestTokens.auditor())
                .queryParam("size", 500)
                .get(TRAIL)
                .then()
                .statusCode(200)
                .extract()
                .path("items");
        return items.stream()
                .filter(item -> requestId.equals(item.get("requestId")))
                .findFirst()
                .orElse(null);
    }

    private static String fileClaim(String requestId) {
        String seller = TestIdentifiers.creditCode();
        return given().auth()
                .oauth2(TestTokens.token(
                        Roles.RETAILER, Map.of(Caller.ENTERPRISE_CLAIM, seller, "azp", "renewal-portal")))
                .header("X-Request-Id", requestId)
                .contentType(ContentType.JSON)
                .body(Fixtures.applianceClaim(
                        "HOME-APPLIANCE",
                        seller,
                        "141102",
                        TestIdentifiers.residentId(),
                        "AIR_CONDITIONER",
                        1,
                        400_000,
                        "2025-03-01"))
                .post(Fixtures.CLAIMS)
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    @Test
    void aWriteIsRecordedWithWhoWhatWhichClientAndTheRequestIdButAMaskedReadIsNot() {
        String requestId = "audit-" + UUID.randomUUID();
        String claimId = fileClaim(requestId);

        Map<String, Object> record = recordOf(requestId);
        assertThat(record).isNotNull();
        assertThat(record)
                .containsEntry("actor", "test-retailer")
                .containsEntry("roles", "retailer")
                .containsEntry("client", "renewal-portal")
                .containsEntry("operation", "POST /api/subsidies/claims")
                .containsEntry("resource", "/api/subsidies/claims")
                .containsEntry("status", 201);
        assertThat((String) record.get("hash")).matches("[0-9a-f]{64}");
        assertThat(record.get("recordedAt")).isNotNull();

        String readId = "read-" + UUID.randomUUID();
        given().auth()
                .oauth2(TestTokens.countyOfficer("141102"))
                .header("X-Request-Id", readId)
                .get(Fixtures.CLAIMS + "/" + claimId)
                .then()
                .statusCode(200);
        assertThat(recordOf(readId)).as("a read of masked data").isNull();

        given().auth()
                .oauth2(TestTokens.auditor())
                .get(TRAIL + "/verification")
                .then()
                .statusCode(200)
                .body("intact", equalTo(true))
                .body("firstBrokenSeq", nullValue());
    }

    @Test
    void theTrailRefusesUpdatesAndAnAlteredRowIsReportedByTheVerification() throws Exception {
        String requestId = "tamper-" + UUID.randomUUID();
        fileClaim(requestId);
        fileClaim("after-" + UUID.randomUUID());
        long seq = ((Number) recordOf(requestId).get("seq")).longValue();

        assertThatThrownBy(() -> Fixtures.execute("update audit_record set actor = 'mallory' where seq = ?", seq))
                .hasStackTraceContaining("append-only");
        assertThatThrownBy(() -> Fixtures.execute("delete from audit_record where seq = ?", seq))
                .hasStackTraceContaining("append-only");

        // A database superuser bypasses the triggers and rewrites who did it.
        alterActor(seq, "mallory");
        try {
            JsonPath verification = given().auth()
                    .oauth2(TestTokens.auditor())
                    .get(TRAIL + "/verification")
                    .then()
                    .statusCode(200)
                    .extract()
                    .jsonPath();
            assertThat(verification.getBoolean("intact")).isFalse();
            assertThat(verification.getLong("firstBrokenSeq")).isEqualTo(seq);
            assertThat(verification.getString("reason")).contains("altered");
        } finally {
            alterActor(seq, "test-retailer");
        }
        given().auth()
                .oauth2(TestTokens.auditor())
                .get(TRAIL + "/verification")
                .then()
                .body("intact", equalTo(true));
    }

    @Test
    void onlyAuditorsAndTheCityAdministratorReadTheTrail() {
        given().auth().oauth2(TestTokens.cityAdmin()).get(TRAIL).then().statusCode(200);
        given().auth()
                .oauth2(TestTokens.countyOfficer("141102"))
                .get(TRAIL)
                .then()
                .statusCode(403);
    }

    private static void alterActor(long seq, String actor) throws Exception {
        try (Connection c = Fixtures.connect();
                Statement replica = c.createStatement();
                PreparedStatement update = c.prepareStatement("update audit_record set actor = ? where seq = ?")) {
            replica.execute("set session_replication_role = replica");
            update.setString(1, actor);
            update.setLong(2, seq);
            assertThat(update.executeUpdate()).isEqualTo(1);
        }
    }
}
