package cn.gov.lvliang.renewal.subsidy.evidence;

import static cn.gov.lvliang.renewal.subsidy.Fixtures.CLAIMS;
import static cn.gov.lvliang.renewal.subsidy.Fixtures.applianceClaim;
import static cn.gov.lvliang.renewal.subsidy.Fixtures.retailer;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import cn.gov.lvliang.renewal.platform.security.Caller;
import cn.gov.lvliang.renewal.platform.security.Roles;
import cn.gov.lvliang.renewal.subsidy.Fixtures;
import cn.gov.lvliang.renewal.subsidy.MutableClock;
import cn.gov.lvliang.renewal.testing.TestIdentifiers;
import cn.gov.lvliang.renewal.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The retention rule on the real database and store: a paid claim's evidence is kept 5 years after
 * payment, a rejected or withdrawn claim's 3 years after its last change, any other claim's for
 * good; each deletion is an audit record and the object goes once no document refers to it.
 */
@QuarkusTest
class EvidenceRetentionTest {

    private static final String COUNTY = "141130";
    private static final String REVIEWER =
            TestTokens.token("reviewer-retention", Roles.REVIEWER, Map.of(Caller.COUNTY_CLAIM, COUNTY));

    @Inject
    MutableClock clock;

    @Inject
    EvidenceRetention retention;

    @AfterEach
    void backToNow() {
        clock.reset();
    }

    private record Filed(String id, String filer) {}

    /** A claim with its invoice uploaded (unique bytes). */
    private static Filed withEvidence(String programme) {
        String seller = TestIdentifiers.creditCode();
        Response filed = given().auth()
                .oauth2(retailer(seller))
                .contentType(ContentType.JSON)
                .body(applianceClaim(
                        programme,
                        seller,
                        COUNTY,
                        TestIdentifiers.residentId(),
                        "TELEVISION",
                        2,
                        500_000,
                        "2025-04-01"))
                .post(CLAIMS);
        filed.then().statusCode(201).body("status", equalTo("PENDING_REVIEW"));
        Filed claim = new Filed(filed.path("id"), retailer(seller));
        Fixtures.supplyEvidence(claim.id(), claim.filer());
        return claim;
    }

    private static void act(Filed claim, String token, String action, Map<String, Object> extra) {
        Map<String, Object> body = new HashMap<>(extra);
        body.put(
                "version",
                given().auth()
                        .oauth2(claim.filer())
                        .get(CLAIMS + "/" + claim.id())
                        .path("version"));
        given().auth()
                .oauth2(token)
                .contentType(ContentType.JSON)
                .body(body)
                .post(CLAIMS + "/" + claim.id() + "/" + action)
                .then()
                .statusCode(200);
    }

    private static long documents(Filed claim) {
        return Fixtures.count("select count(*) from evidence_document where claim_id = ?::uuid", claim.id());
    }

    private static long objectsOf(Filed claim) {
        return Fixtures.count(
                "select count(*) from evidence_object o where o.sha256 in (select sha256 from evidence_document"
                        + " where claim_id = ?::uuid)",
                claim.id());
    }

    private static String sha256Of(Filed claim) {
        try (var c = Fixtures.connect();
                var s = c.prepareStatement("select sha256 from evidence_document where claim_id = ?::uuid")) {
            s.setString(1, claim.id());
            try (var rs = s.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static long auditRecords(Filed claim) {
        String resource = "/api/subsidies/claims/" + claim.id() + "/evidence/%";
        return Fixtures.count(
                "select (select count(*) from audit_pending where operation = 'DELETE evidence (retention)'"
                        + " and resource like ?) + (select count(*) from audit_record where operation ="
                        + " 'DELETE evidence (retention)' and resource like ?)",
                resource,
                resource);
    }

    private void purgeAt(Instant at) {
        clock.pin(at);
        retention.purge();
        clock.reset();
    }

    @Test
    void deletesOnlyWhatTheRuleAllows() {
        String programme = Fixtures.applianceProgramme("RET-", Map.of());
        Fixtures.allocate(programme, COUNTY, 1_000_000);
        Filed paid = withEvidence(programme);
        act(paid, REVIEWER, "approve", Map.of());
        Fixtures.payTheApprovedClaim(programme, COUNTY);
        Filed rejected = withEvidence(programme);
        act(rejected, REVIEWER, "reject", Map.of("reasonCode", "DATA_INCORRECT"));
        Filed withdrawn = withEvidence(programme);
        act(withdrawn, withdrawn.filer(), "withdraw", Map.of());
        Filed pending = withEvidence(programme);
        Filed appealed = withEvidence(programme);
        act(appealed, REVIEWER, "reject", Map.of("reasonCode", "DATA_INCORRECT"));
        given().auth()
                .oauth2(appealed.filer())
                .contentType(ContentType.JSON)
                .body(Map.of("reason", "请复核"))
                .post(CLAIMS + "/" + appealed.id() + "/appeal")
                .then()
                .statusCode(200);
        List<Filed> all = List.of(paid, rejected, withdrawn, pending, appealed);
        assertThat(all).allSatisfy(claim -> assertThat(documents(claim)).isEqualTo(1));
        String rejectedObject = sha256Of(rejected);
        var now = Instant.now().atZone(ZoneId.of("Asia/Shanghai"));

        // within 3 years: nothing goes
        purgeAt(now.plusYears(3).minusDays(1).toInstant());
        assertThat(all).allSatisfy(claim -> assertThat(documents(claim)).isEqualTo(1));

        // past 3 years: the rejected and the withdrawn claims' evidence goes, audited, objects too
        purgeAt(now.plusYears(3).plusDays(1).toInstant());
        for (Filed closed : List.of(rejected, withdrawn)) {
            assertThat(documents(closed)).isZero();
            assertThat(auditRecords(closed)).isEqualTo(1);
        }
        assertThat(Fixtures.count("select count(*) from evidence_object where sha256 = ?", rejectedObject))
                .as("no document refers to the object any more")
                .isZero();
        assertThat(documents(paid)).isEqualTo(1);
        assertThat(documents(pending)).isEqualTo(1);
        assertThat(documents(appealed)).as("an appeal pending").isEqualTo(1);

        // a paid claim's evidence is kept 5 years
        purgeAt(now.plusYears(5).minusDays(1).toInstant());
        assertThat(documents(paid)).isEqualTo(1);
        assertThat(objectsOf(paid)).isEqualTo(1);
        purgeAt(now.plusYears(5).plusDays(1).toInstant());
        assertThat(documents(paid)).isZero();
        assertThat(auditRecords(paid)).isEqualTo(1);

        // claims still open are kept however old
        purgeAt(now.plusYears(50).toInstant());
        assertThat(documents(pending)).isEqualTo(1);
        assertThat(documents(appealed)).isEqualTo(1);
        assertThat(objectsOf(pending)).isEqualTo(1);
    }
}
