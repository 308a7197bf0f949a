package cn.gov.lvliang.renewal.equipment.register;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;

import cn.gov.lvliang.renewal.equipment.Fixtures;
import cn.gov.lvliang.renewal.equipment.messaging.EquipmentEvents;
import cn.gov.lvliang.renewal.platform.security.Roles;
import cn.gov.lvliang.renewal.testing.KafkaTestClient;
import cn.gov.lvliang.renewal.testing.SuiteInfrastructure;
import cn.gov.lvliang.renewal.testing.TestIdentifiers;
import cn.gov.lvliang.renewal.testing.TestTokens;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

@QuarkusTest
class EquipmentResourceTest {

    private static final String RECORDS = "/api/equipment/records";

    @Test
    void equipmentCommissionedIn2005WithAFifteenYearDesignLifeShowsTheBeyondDesignLifeFlagWithItsReason() {
        String credit = TestIdentifiers.creditCode();
        Fixtures.unit(credit, "141181", "coking");
        Map<String, Object> created =
                Fixtures.register(TestTokens.cityAdmin(), Fixtures.equipment(credit, "2005-06-01", 15));

        given().auth()
                .oauth2(TestTokens.countyOfficer("141181"))
                .get(RECORDS + "/" + created.get("id"))
                .then()
                .statusCode(200)
                .body("yearsInService", org.hamcrest.Matchers.greaterThanOrEqualTo(21))
                .body("flags", hasSize(1))
                .body("flags[0].ruleCode", equalTo("BEYOND_DESIGN_LIFE"))
                .body("flags[0].ruleVersion", equalTo(1))
                .body("flags[0].reason", containsString("设计使用年限15年"))
                .body("flags[0].reason", containsString("2005-06-01"));

        List<ConsumerRecord<String, String>> flagged = KafkaTestClient.await(
                EquipmentEvents.TOPIC,
                r -> String.valueOf(created.get("id")).equals(r.key())
                        && r.value().contains(EquipmentEvents.EQUIPMENT_FLAGGED),
                1,
                Duration.ofSeconds(20));
        assertThat(flagged).hasSize(1);
    }

    @Test
    void anEnterpriseTokenCannotReadAnotherEnterprisesEquipment() {
        String mine = TestIdentifiers.creditCode();
        String theirs = TestIdentifiers.creditCode();
        Fixtures.unit(mine, "141124", "coal");
        Fixtures.unit(theirs, "141124", "coal");
        String myToken = TestTokens.enterprise(Roles.RECYCLER, mine);
        Map<String, Object> own = Fixtures.register(myToken, Fixtures.equipment(mine, "2018-01-01", 20));
        Map<String, Object> other =
                Fixtures.register(TestTokens.cityAdmin(), Fixtures.equipment(theirs, "2018-01-01", 20));

        given().auth().oauth2(myToken).get(RECORDS + "/" + own.get("id")).then().statusCode(200);
        given().auth()
                .oauth2(myToken)
                .get(RECORDS + "/" + other.get("id"))
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
        given().auth()
                .oauth2(myToken)
                .get(RECORDS + "?unitCreditCode=" + theirs)
                .then()
                .statusCode(200)
                .body("total", equalTo(0));
        // Nor register equipment on the other enterprise's unit.
        given().auth()
                .oauth2(myToken)
                .contentType(ContentType.JSON)
                .body(Fixtures.equipment(theirs, "2018-01-01", 20))
                .post(RECORDS)
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("unitCreditCode"));
        // A county officer of another county does not see it either.
        given().auth()
                .oauth2(TestTokens.countyOfficer("141102"))
                .get(RECORDS + "/" + own.get("id"))
                .then()
                .statusCode(404);
    }

    @Test
    void aDepartmentOfficerSeesItsSectorsAndCategoriesOnly() {
        String credit = TestIdentifiers.creditCode();
        Fixtures.unit(credit, "141102", "coking");
        Map<String, Object> oven =
                Fixtures.register(TestTokens.cityAdmin(), Fixtures.equipment(credit, "2018-01-01", 20));
        String industry = TestTokens.token(Roles.DEPARTMENT_OFFICER, Map.of("department", "GXJ"));
        String health = TestTokens.token(Roles.DEPARTMENT_OFFICER, Map.of("department", "wjw"));
        given().auth()
                .oauth2(industry)
                .get(RECORDS + "/" + oven.get("id"))
                .then()
                .statusCode(200);
        given().auth().oauth2(health).get(RECORDS + "/" + oven.get("id")).then().statusCode(404);
    }

    @Test
    void retiringEmitsEquipmentRetiredOnKafkaAndKeepsTheHistory() throws Exception {
        String credit = TestIdentifiers.creditCode();
        Fixtures.unit(credit, "141182", "steel");
        String token = TestTokens.enterprise(Roles.RECYCLER, credit);
        Map<String, Object> old = Fixtures.register(token, Fixtures.equipment(credit, "2003-03-01", 15));
        Map<String, Object> replacement = Fixtures.register(token, Fixtures.equipment(credit, "2025-01-01", 20));
        Object id = old.get("id");

        // Retiring equipment in service is not allowed: 409 problem.
        given().auth()
                .oauth2(token)
                .contentType(ContentType.JSON)
                .body(Map.of("retiredOn", "2025-11-01", "disposal", "SCRAPPED", "version", old.get("version")))
                .post(RECORDS + "/" + id + "/retirement")
                .then()
                .statusCode(409)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:lvliang:renewal:problem:invalid-transition"));

        int version = given().auth()
                .oauth2(token)
                .contentType(ContentType.JSON)
                .body(Map.of(
                        "retirementStandard", "炼铁高炉400立方米以下",
                        "legalBasis", "《产业结构调整指导目录（2024年本）》",
                        "plannedOn", "2025-12-31",
                        "replacement", "1800立方米高炉",
                        "replacementId", replacement.get("id"),
                        "version", old.get("version")))
                .post(RECORDS + "/" + id + "/retirement-schedule")
                .then()
                .statusCode(200)
                .body("status", equalTo("RETIREMENT_SCHEDULED"))
                .body("retirement.replacementId", equalTo(((Number) replacement.get("id")).intValue()))
                .extract()
                .path("version");

        // A stale version is refused.
        given().auth()
                .oauth2(token)
                .contentType(ContentType.JSON)
                .body(Map.of("retiredOn", "2025-11-01", "disposal", "SCRAPPED", "version", version - 1))
                .post(RECORDS + "/" + id + "/retirement")
                .then()
                .statusCode(409)
                .body("type", equalTo("urn:lvliang:renewal:problem:stale-version"));

        given().auth()
                .oauth2(token)
                .contentType(ContentType.JSON)
                .body(Map.of("retiredOn", "2025-11-01", "disposal", "REMANUFACTURED", "version", version))
                .post(RECORDS + "/" + id + "/retirement")
                .then()
                .statusCode(200)
                .body("status", equalTo("RETIRED"))
                .body("retirement.disposal", equalTo("REMANUFACTURED"))
                .body("flags", hasSize(0));

        List<ConsumerRecord<String, String>> events = KafkaTestClient.await(
                EquipmentEvents.TOPIC,
                r -> String.valueOf(id).equals(r.key()) && r.value().contains(EquipmentEvents.EQUIPMENT_RETIRED),
                1,
                Duration.ofSeconds(20));
        assertThat(events).hasSize(1);
        JsonNode event = new ObjectMapper().readTree(events.get(0).value());
        assertThat(event.path("type").asText()).isEqualTo("cn.gov.lvliang.equipment.equipment.retired.v1");
        JsonNode data = event.path("data");
        assertThat(data.path("equipmentId").asLong()).isEqualTo(((Number) id).longValue());
        assertThat(data.path("unitCreditCode").asText()).isEqualTo(credit);
        assertThat(data.path("county").asText()).isEqualTo("141182");
        assertThat(data.path("name").asText()).isEqualTo("4.3米焦炉");
        assertThat(data.path("category").asText()).isEqualTo("INDUSTRIAL_PRODUCTION");
        assertThat(data.path("retiredOn").asText()).isEqualTo("2025-11-01");
        assertThat(data.path("disposal").asText()).isEqualTo("REMANUFACTURED");

        // Retired is final.
        given().auth()
                .oauth2(token)
                .contentType(ContentType.JSON)
                .body(Map.of("investmentFen", 1, "targetEquipment", "x", "plannedYear", 2026, "version", version + 1))
                .post(RECORDS + "/" + id + "/renewal-plan")
                .then()
                .statusCode(409);

        given().auth()
                .oauth2(TestTokens.auditor())
                .get(RECORDS + "/" + id + "/history")
                .then()
                .statusCode(200)
                .body("action", org.hamcrest.Matchers.contains("registered", "retirement-scheduled", "retired"))
                .body("[2].fromStatus", equalTo("RETIREMENT_SCHEDULED"))
                .body("[2].after.disposal", equalTo("REMANUFACTURED"));
    }

    @Test
    void aCompletedRenewalIsAnnouncedForTheInvestmentIndicator() throws Exception {
        String credit = TestIdentifiers.creditCode();
        Fixtures.unit(credit, "141129", "power");
        Map<String, Object> e = Fixtures.register(TestTokens.cityAdmin(), Fixtures.equipment(credit, "2015-01-01", 25));
        Object id = e.get("id");
        int version = given().auth()
                .oauth2(TestTokens.cityAdmin())
                .contentType(ContentType.JSON)
                .body(Map.of(
                        "investmentFen",
                        300_000_000L,
                        "targetEquipment",
                        "高效电机",
                        "expectedImprovement",
                        "能效达节能水平",
                        "plannedYear",
                        2025,
                        "version",
                        e.get("version")))
                .post(RECORDS + "/" + id + "/renewal-plan")
                .then()
                .statusCode(200)
                .body("status", equalTo("RENEWAL_PLANNED"))
                .extract()
                .path("version");
        given().auth()
                .oauth2(TestTokens.cityAdmin())
                .contentType(ContentType.JSON)
                .body(Map.of(
                        "amountFen",
                        280_000_000L,
                        "completedOn",
                        "2025-10-31",
                        "efficiencyTier",
                        "SAVING",
                        "version",
                        version))
                .post(RECORDS + "/" + id + "/renewal-completion")
                .then()
                .statusCode(200)
                .body("status", equalTo("IN_SERVICE"))
                .body("efficiencyTier", equalTo("SAVING"));
        List<ConsumerRecord<String, String>> events = KafkaTestClient.await(
                EquipmentEvents.TOPIC,
                r -> String.valueOf(id).equals(r.key())
                        && r.value().contains(EquipmentEvents.RENEWAL_INVESTMENT_COMPLETED),
                1,
                Duration.ofSeconds(20));
        assertThat(events).hasSize(1);
        JsonNode data = new ObjectMapper().readTree(events.get(0).value()).path("data");
        assertThat(data.path("amountFen").asLong()).isEqualTo(280_000_000L);
        assertThat(data.path("county").asText()).isEqualTo("141129");
        assertThat(data.path("sector").asText()).isEqualTo("power");
        assertThat(data.path("completedOn").asText()).isEqualTo("2025-10-31");
    }

    @Test
    void theAuditorReadsButCannotWrite() {
        String credit = TestIdentifiers.creditCode();
        Fixtures.unit(credit, "141181", "coking");
        given().auth()
                .oauth2(TestTokens.auditor())
                .contentType(ContentType.JSON)
                .body(Fixtures.equipment(credit, "2018-01-01", 20))
                .post(RECORDS)
                .then()
                .statusCode(403)
                .contentType("application/problem+json");
    }

    @Test
    void badInputIs400AndStoresNothing() {
        String credit = TestIdentifiers.creditCode();
        Fixtures.unit(credit, "141181", "coking");
        Map<String, Object> body = Fixtures.equipment(credit, "2099-01-01", 15);
        body.put("quantity", 1.5);
        given().auth()
                .oauth2(TestTokens.cityAdmin())
                .contentType(ContentType.JSON)
                .body(body)
                .post(RECORDS)
                .then()
                .statusCode(400)
                .body("errors.field", org.hamcrest.Matchers.hasItems("commissionedOn", "quantity"));
        given().auth()
                .oauth2(TestTokens.cityAdmin())
                .get(RECORDS + "?unitCreditCode=" + credit)
                .then()
                .body("total", equalTo(0));
    }

    @Test
    void theContactPhoneIsEncryptedAtRestAndMaskedInResponses() throws Exception {
        String credit = TestIdentifiers.creditCode();
        long id = Fixtures.unit(credit, "141181", "coking");
        given().auth()
                .oauth2(TestTokens.cityAdmin())
                .get("/api/equipment/units/" + id)
                .then()
                .statusCode(200)
                .body("contactPhone", equalTo("138****5678"))
                .body("contactName", equalTo("王**"));
        try (Connection c = DriverManager.getConnection(
                        SuiteInfrastructure.postgres().jdbcUrl("app"), "postgres", "postgres");
                PreparedStatement s = c.prepareStatement("select * from project_unit where id = ?")) {
            s.setLong(1, id);
            try (ResultSet rs = s.executeQuery()) {
                assertThat(rs.next()).isTrue();
                for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                    assertThat(String.valueOf(rs.getObject(i)))
                            .doesNotContain("13812345678")
                            .doesNotContain("王小五");
                }
            }
        }
        // A bad GB 32100 check character is refused with a clear message.
        String bad = credit.substring(0, 17) + (credit.charAt(17) == '0' ? '1' : '0');
        given().auth()
                .oauth2(TestTokens.cityAdmin())
                .contentType(ContentType.JSON)
                .body(Map.of("creditCode", bad, "name", "x", "county", "141181", "type", "ENTERPRISE"))
                .post("/api/equipment/units")
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("creditCode"))
                .body("errors.message", hasItem(containsString("GB 32100")));
    }
}
