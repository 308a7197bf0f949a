package cn.gov.lvliang.renewal.recycling.certificates;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;

import cn.gov.lvliang.renewal.platform.pii.KeyedHash;
import cn.gov.lvliang.renewal.platform.security.Caller;
import cn.gov.lvliang.renewal.platform.security.Roles;
import cn.gov.lvliang.renewal.recycling.Fixtures;
import cn.gov.lvliang.renewal.recycling.messaging.RecyclingEvents;
import cn.gov.lvliang.renewal.testing.SuiteInfrastructure;
import cn.gov.lvliang.renewal.testing.TestIdentifiers;
import cn.gov.lvliang.renewal.testing.TestKeys;
import cn.gov.lvliang.renewal.testing.TestTokens;
import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The farm-machinery scrap certificate (农机报废回收证明) through its API: a qualified farm-machinery
 * dismantler issues, corrects and voids; the owner is masked everywhere and never stored or sent in
 * plaintext; the events carry the issue-21 contract's fields and the ID number's keyed hash.
 */
@QuarkusTest
class FarmMachineryCertificateTest {

    static final String PATH = "/api/recycling/farm-machinery-certificates";
    private static final String COUNTY = "141124";
    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    private String dismantler;
    private String token;

    @BeforeEach
    void registerAQualifiedFarmMachineryDismantler() {
        dismantler = Fixtures.qualified("FARM_MACHINERY_DISMANTLER", COUNTY);
        token = TestTokens.enterprise(Roles.DISMANTLER, dismantler);
    }

    /** A valid body: a tractor of a natural person. */
    static Map<String, Object> certificate(String dismantler, String number, String ownerId) {
        Map<String, Object> owner = new HashMap<>();
        owner.put("kind", "PERSON");
        owner.put("name", "王二小");
        owner.put("idNumber", ownerId);
        Map<String, Object> content = new HashMap<>();
        content.put("county", COUNTY);
        content.put("machineType", "TRACTOR");
        content.put("powerKw", 58.8);
        content.put("factoryNumber", "DF2010-08-004512");
        content.put("engineNumber", "YC4D80-K20A1234");
        content.put("makeAndModel", "东方红 LX804");
        content.put("handoverDate", Fixtures.today().minusDays(3).toString());
        content.put("owner", owner);
        Map<String, Object> body = new HashMap<>();
        body.put("certificateNumber", number);
        body.put("dismantlerCreditCode", dismantler);
        body.put("content", content);
        return body;
    }

    static String newNumber() {
        return "NJ-TEST-" + System.nanoTime() % 1_000_000_000 + "-" + SEQUENCE.incrementAndGet();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> content(Map<String, Object> body) {
        return (Map<String, Object>) body.get("content");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> owner(Map<String, Object> body) {
        return (Map<String, Object>) content(body).get("owner");
    }

    private static ValidatableResponse post(String token, String path, Object body) {
        return given().auth()
                .oauth2(token)
                .contentType(ContentType.JSON)
                .body(body)
                .when()
                .post(path)
                .then();
    }

    @Test
    void issuesForAFarmerMasksTheOwnerStoresNoPlaintextAndPublishesTheContractEvent() throws Exception {
        String number = newNumber();
        String ownerId = TestIdentifiers.residentId();
        String masked = ownerId.substring(0, 4) + "**********" + ownerId.substring(14);

        post(token, PATH, certificate(dismantler, number, ownerId))
                .statusCode(201)
                .body("certificateNumber", equalTo(number))
                .body("status", equalTo("ISSUED"))
                .body("version", equalTo(1))
                .body("content.machineType", equalTo("TRACTOR"))
                .body("content.powerKw", equalTo(58.8f))
                .body("content.owner.kind", equalTo("PERSON"))
                .body("content.owner.name", equalTo("王**"))
                .body("content.owner.idNumber", equalTo(masked))
                .body("content.owner.creditCode", nullValue());
        given().auth()
                .oauth2(TestTokens.cityAdmin())
                .get(PATH + "/" + number)
                .then()
                .statusCode(200)
                .body("content.owner.idNumber", equalTo(masked));
        given().auth()
                .oauth2(TestTokens.cityAdmin())
                .queryParam("factoryNumber", "DF2010-08-004512")
                .queryParam("machineType", "TRACTOR")
                .queryParam("size", 200)
                .get(PATH)
                .then()
                .statusCode(200)
                .body("items.certificateNumber", hasItem(number))
                .body("items.content.owner.idNumber", hasItem(masked));

        for (String table : List.of("farm_machinery_certificate", "farm_machinery_certificate_revision")) {
            assertNoPlaintext(table, number, ownerId);
        }

        JsonNode event = Fixtures.events(number, RecyclingEvents.FARM_MACHINERY_SCRAPPED, 1)
                .get(0);
        assertThat(event.path("subject").asText()).isEqualTo(number);
        JsonNode data = event.path("data");
        assertThat(data.path("certificateNumber").asText()).isEqualTo(number);
        assertThat(data.path("dismantlerCreditCode").asText()).isEqualTo(dismantler);
        assertThat(data.path("county").asText()).isEqualTo(COUNTY);
        assertThat(data.path("machineType").asText()).isEqualTo("TRACTOR");
        assertThat(data.path("powerKw").isNumber()).isTrue();
        assertThat(data.path("powerKw").decimalValue()).isEqualByComparingTo("58.8");
        assertThat(data.path("factoryNumber").asText()).isEqualTo("DF2010-08-004512");
        assertThat(data.path("engineNumber").asText()).isEqualTo("YC4D80-K20A1234");
        assertThat(data.path("makeAndModel").asText()).isEqualTo("东方红 LX804");
        assertThat(data.path("handoverDate").asText())
                .isEqualTo(Fixtures.today().minusDays(3).toString());
        assertThat(data.path("version").asInt()).isEqualTo(1);
        JsonNode owner = data.path("owner");
        assertThat(owner.path("kind").asText()).isEqualTo("PERSON");
        // The platform's keyed hash with the suite's shared key, as subsidy computes it for an applicant.
        assertThat(owner.path("idNumberHash").asText())
                .isEqualTo(new KeyedHash(Base64.getDecoder().decode(TestKeys.HASH_KEY)).hash(ownerId));
        assertThat(owner.path("idNumberMasked").asText()).isEqualTo(masked);
        assertThat(owner.path("nameMasked").asText()).isEqualTo("王**");
        assertThat(owner.path("creditCode").isNull()).isTrue();
        assertThat(event.toString()).doesNotContain(ownerId).doesNotContain("王二小");
    }

    @Test
    void anOrganisationOwnerIsCorrectedToANewVersionAndVoided() {
        String number = newNumber();
        String cooperative = TestIdentifiers.creditCode();
        Map<String, Object> body = certificate(dismantler, number, null);
        owner(body).remove("idNumber");
        owner(body).put("kind", "ORGANISATION");
        owner(body).put("name", "临县丰收农机专业合作社");
        owner(body).put("creditCode", cooperative);
        post(token, PATH, body)
                .statusCode(201)
                .body("content.owner.creditCode", equalTo(cooperative))
                .body("content.owner.idNumber", nullValue());

        Map<String, Object> corrected = new HashMap<>(content(body));
        corrected.put("powerKw", 60.3);
        corrected.put("engineNumber", null);
        Map<String, Object> correction = Map.of("corrected", corrected, "reason", "功率录入错误", "version", 1);
        post(token, PATH + "/" + number + "/corrections", correction)
                .statusCode(200)
                .body("version", equalTo(2))
                .body("content.powerKw", equalTo(60.3f))
                .body("content.engineNumber", nullValue());
        post(token, PATH + "/" + number + "/corrections", correction)
                .statusCode(409)
                .body("type", equalTo("urn:lvliang:renewal:problem:stale-version"));
        given().auth()
                .oauth2(token)
                .get(PATH + "/" + number + "/versions")
                .then()
                .statusCode(200)
                .body("version", equalTo(List.of(1, 2)))
                .body("reason", equalTo(List.of("issued", "功率录入错误")))
                .body("content.powerKw", equalTo(List.of(58.8f, 60.3f)));

        JsonNode correctedEvent = Fixtures.events(number, RecyclingEvents.FARM_MACHINERY_CERTIFICATE_CORRECTED, 1)
                .get(0)
                .path("data");
        assertThat(correctedEvent.path("version").asInt()).isEqualTo(2);
        assertThat(correctedEvent.path("powerKw").decimalValue()).isEqualByComparingTo("60.3");
        assertThat(correctedEvent.path("engineNumber").isNull()).isTrue();
        JsonNode owner = correctedEvent.path("owner");
        assertThat(owner.path("kind").asText()).isEqualTo("ORGANISATION");
        assertThat(owner.path("creditCode").asText()).isEqualTo(cooperative);
        assertThat(owner.path("idNumberHash").isNull()).isTrue();
        assertThat(owner.path("nameMasked").asText()).startsWith("临").doesNotContain("丰收");

        post(token, PATH + "/" + number + "/void", Map.of("reason", "重复签发"))
                .statusCode(200)
                .body("status", equalTo("VOIDED"))
                .body("voidReason", equalTo("重复签发"));
        post(token, PATH + "/" + number + "/void", Map.of("reason", "再次作废"))
                .statusCode(409)
                .body("type", equalTo("urn:lvliang:renewal:problem:certificate-voided"));
        JsonNode voided = Fixtures.events(number, RecyclingEvents.FARM_MACHINERY_CERTIFICATE_VOIDED, 1)
                .get(0)
                .path("data");
        assertThat(voided.path("certificateNumber").asText()).isEqualTo(number);
        assertThat(voided.path("reason").asText()).isEqualTo("重复签发");
        assertThat(voided.path("voidedAt").asText()).isNotBlank();
    }

    @Test
    void onlyAQualifiedFarmMachineryDismantlerIssues() {
        // A car dismantler (报废机动车回收拆解企业) is qualified, but not for farm machinery.
        String carDismantler = Fixtures.qualified("DISMANTLER", COUNTY);
        String number = newNumber();
        post(
                        TestTokens.enterprise(Roles.DISMANTLER, carDismantler),
                        PATH,
                        certificate(carDismantler, number, TestIdentifiers.residentId()))
                .statusCode(403)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:lvliang:renewal:problem:not-qualified"));
        // A farm-machinery dismantler whose qualification has expired.
        String expired = TestIdentifiers.creditCode();
        Fixtures.register(Fixtures.enterprise(
                expired,
                "FARM_MACHINERY_DISMANTLER",
                COUNTY,
                Fixtures.today().minusYears(2),
                Fixtures.today().minusDays(1),
                "VALID"));
        post(
                        TestTokens.enterprise(Roles.DISMANTLER, expired),
                        PATH,
                        certificate(expired, number, TestIdentifiers.residentId()))
                .statusCode(403)
                .body("type", equalTo("urn:lvliang:renewal:problem:not-qualified"));
        // Naming another enterprise than the token's.
        post(token, PATH, certificate(carDismantler, number, TestIdentifiers.residentId()))
                .statusCode(403)
                .body("type", equalTo("urn:lvliang:renewal:problem:not-your-enterprise"));
        assertNotStored(number);
    }

    @Test
    void badOwnersAndPowersAre400NamingTheFieldAndNothingIsStored() {
        String number = newNumber();
        Map<String, Object> noId = certificate(dismantler, number, null);
        owner(noId).remove("idNumber");
        post(token, PATH, noId).statusCode(400).body("errors.field", hasItem("content.owner.idNumber"));

        Map<String, Object> both = certificate(dismantler, number, TestIdentifiers.residentId());
        owner(both).put("creditCode", TestIdentifiers.creditCode());
        post(token, PATH, both).statusCode(400).body("errors.field", hasItem("content.owner.creditCode"));

        Map<String, Object> badId = certificate(dismantler, number, "141124198001011234X");
        post(token, PATH, badId).statusCode(400).body("errors.field", hasItem("content.owner.idNumber"));

        for (Object power : List.of(0, -5, 1000.1, 58.85)) {
            Map<String, Object> body = certificate(dismantler, number, TestIdentifiers.residentId());
            content(body).put("powerKw", power);
            post(token, PATH, body)
                    .statusCode(400)
                    .contentType("application/problem+json")
                    .body("errors.field", hasItem("content.powerKw"));
        }
        Map<String, Object> future = certificate(dismantler, number, TestIdentifiers.residentId());
        content(future).put("handoverDate", Fixtures.today().plusDays(2).toString());
        post(token, PATH, future).statusCode(400).body("errors.field", hasItem("content.handoverDate"));

        assertNotStored(number);
    }

    @Test
    void theFarmMachineryDepartmentReadsTheseCertificatesOnlyAndAnotherDepartmentNone() {
        String number = newNumber();
        post(token, PATH, certificate(dismantler, number, TestIdentifiers.residentId()))
                .statusCode(201);
        given().auth()
                .oauth2(TestTokens.token(Roles.DEPARTMENT_OFFICER, Map.of(Caller.DEPARTMENT_CLAIM, "NYNCJ")))
                .get(PATH + "/" + number)
                .then()
                .statusCode(200)
                .body("content.owner.name", equalTo("王**"));
        given().auth()
                .oauth2(TestTokens.token(Roles.DEPARTMENT_OFFICER, Map.of(Caller.DEPARTMENT_CLAIM, "jyj")))
                .get(PATH + "/" + number)
                .then()
                .statusCode(404);
        // 市农业农村局 reads farm machinery, not the cars' certificates (their own area since V9)
        String dismantlerOfCars = Fixtures.qualified("DISMANTLER", "141126");
        String carCertificate = "LL-CAR-" + System.nanoTime() % 1_000_000_000;
        Map<String, Object> car = ScrapCertificateResourceTest.certificate(
                dismantlerOfCars, carCertificate, TestIdentifiers.residentId(), TestIdentifiers.vin());
        car.put("county", "141126");
        post(TestTokens.enterprise(Roles.DISMANTLER, dismantlerOfCars), "/api/recycling/scrap-certificates", car)
                .statusCode(201);
        given().auth()
                .oauth2(TestTokens.token(Roles.DEPARTMENT_OFFICER, Map.of(Caller.DEPARTMENT_CLAIM, "nyncj")))
                .get("/api/recycling/scrap-certificates/" + carCertificate)
                .then()
                .statusCode(404);
        given().auth()
                .oauth2(TestTokens.token(Roles.DEPARTMENT_OFFICER, Map.of(Caller.DEPARTMENT_CLAIM, "swj")))
                .get("/api/recycling/scrap-certificates/" + carCertificate)
                .then()
                .statusCode(200);
        given().auth()
                .oauth2(TestTokens.token(Roles.DEPARTMENT_OFFICER, Map.of(Caller.DEPARTMENT_CLAIM, "swj")))
                .get(PATH + "/" + number)
                .then()
                .statusCode(404);
        given().auth()
                .oauth2(TestTokens.countyOfficer("141182"))
                .get(PATH + "/" + number)
                .then()
                .statusCode(404);
    }

    private static void assertNotStored(String number) {
        given().auth()
                .oauth2(TestTokens.cityAdmin())
                .get(PATH + "/" + number)
                .then()
                .statusCode(404);
    }

    private static void assertNoPlaintext(String table, String number, String ownerId) throws Exception {
        String sql = table.endsWith("revision")
                ? "select r.* from " + table + " r join farm_machinery_certificate c on c.id = r.certificate_id"
                        + " where c.certificate_number = ?"
                : "select * from " + table + " where certificate_number = ?";
        try (Connection c = DriverManager.getConnection(
                        SuiteInfrastructure.postgres().jdbcUrl("app"), "postgres", "postgres");
                PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, number);
            try (ResultSet rs = s.executeQuery()) {
                assertThat(rs.next()).as(table).isTrue();
                for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                    assertThat(String.valueOf(rs.getObject(i)))
                            .as(table + "." + rs.getMetaData().getColumnName(i))
                            .doesNotContain(ownerId)
                            .doesNotContain("王二小");
                }
            }
        }
    }
}
