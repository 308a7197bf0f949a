package cn.gov.lvliang.renewal.recycling.enterprises;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import cn.gov.lvliang.renewal.platform.security.Roles;
import cn.gov.lvliang.renewal.recycling.Fixtures;
import cn.gov.lvliang.renewal.recycling.messaging.RecyclingEvents;
import cn.gov.lvliang.renewal.testing.TestIdentifiers;
import cn.gov.lvliang.renewal.testing.TestTokens;
import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
class EnterpriseResourceTest {

    private static final String PATH = Fixtures.ENTERPRISES;
    private static final String PUBLIC = "/api/recycling/public/enterprises";

    @Test
    void aRegisteredEnterpriseIsReadableWithItsContactMaskedAndAnnounced() throws Exception {
        String code = TestIdentifiers.creditCode();
        Map<String, Object> body = Fixtures.enterprise(
                code,
                "DISMANTLER",
                "141102",
                Fixtures.today().minusYears(1),
                Fixtures.today().plusYears(2),
                "VALID");
        given().auth()
                .oauth2(TestTokens.token(Roles.DEPARTMENT_OFFICER, Map.of("department", "SWJ")))
                .contentType(ContentType.JSON)
                .body(body)
                .post(PATH)
                .then()
                .statusCode(201)
                .body("creditCode", equalTo(code))
                .body("contact.name", equalTo("李**"))
                .body("contact.phone", equalTo("138****5678"))
                .body("qualification.licenceStatus", equalTo("VALID"));
        given().auth()
                .oauth2(TestTokens.cityAdmin())
                .contentType(ContentType.JSON)
                .body(body)
                .post(PATH)
                .then()
                .statusCode(409)
                .body("type", equalTo("urn:lvliang:renewal:problem:enterprise-exists"));

        // the enterprise itself, its county and the city read it; another county does not
        given().auth()
                .oauth2(TestTokens.enterprise(Roles.DISMANTLER, code))
                .get(PATH + "/" + code)
                .then()
                .statusCode(200);
        given().auth()
                .oauth2(TestTokens.countyOfficer("141102"))
                .get(PATH + "/" + code)
                .then()
                .statusCode(200);
        given().auth()
                .oauth2(TestTokens.countyOfficer("141124"))
                .get(PATH + "/" + code)
                .then()
                .statusCode(404);
        given().auth()
                .oauth2(TestTokens.enterprise(Roles.DISMANTLER, TestIdentifiers.creditCode()))
                .get(PATH + "/" + code)
                .then()
                .statusCode(404);

        List<JsonNode> events = Fixtures.events(code, RecyclingEvents.QUALIFICATION_CHANGED, 1);
        assertThat(events).hasSize(1);
        assertThat(events.get(0).path("data").path("licenceStatus").asText()).isEqualTo("VALID");
        assertThat(events.get(0).path("data").path("type").asText()).isEqualTo("DISMANTLER");
        assertThat(events.get(0).toString()).doesNotContain("13812345678").doesNotContain("李四光");
    }

    @Test
    void invalidRegistrationsAre400NamingTheFieldAndOnlyTheCityMayRegister() {
        String good = TestIdentifiers.creditCode();
        String wrongCheck = good.substring(0, 17) + (good.charAt(17) == '0' ? '1' : '0');
        Map<String, Object> body = Fixtures.enterprise(
                wrongCheck,
                "DISMANTLER",
                "999999",
                Fixtures.today(),
                Fixtures.today().minusDays(1),
                "VALID");
        given().auth()
                .oauth2(TestTokens.cityAdmin())
                .contentType(ContentType.JSON)
                .body(body)
                .post(PATH)
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItem("creditCode"))
                .body("errors.field", hasItem("county"));
        Map<String, Object> badPeriod = Fixtures.enterprise(
                TestIdentifiers.creditCode(),
                "DISMANTLER",
                "141102",
                Fixtures.today(),
                Fixtures.today().minusDays(1),
                "VALID");
        given().auth()
                .oauth2(TestTokens.cityAdmin())
                .contentType(ContentType.JSON)
                .body(badPeriod)
                .post(PATH)
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("qualification.validTo"));
        given().auth()
                .oauth2(TestTokens.countyOfficer("141102"))
                .contentType(ContentType.JSON)
                .body(badPeriod)
                .post(PATH)
                .then()
                .statusCode(403);
    }

    @Test
    void thePublicListingNeedsNoTokenShowsLicenceStatusAndNoContacts() {
        String valid = Fixtures.qualified("DISMANTLER", "141130");
        String expired = TestIdentifiers.creditCode();
        Fixtures.register(Fixtures.enterprise(
                expired,
                "DISMANTLER",
                "141130",
                Fixtures.today().minusYears(3),
                Fixtures.today().minusDays(10),
                "VALID"));

        String json = given().queryParam("county", "141130")
                .queryParam("size", 200)
                .get(PUBLIC)
                .then()
                .statusCode(200)
                .body("items.creditCode", hasItem(valid))
                .body("items.creditCode", hasItem(expired))
                .body("items.countyName", everyItem(equalTo("交口县")))
                .extract()
                .asString();
        JsonPath page = JsonPath.from(json);
        assertThat(page.getString("items.find { it.creditCode == '" + valid + "' }.licenceStatus"))
                .isEqualTo("VALID");
        assertThat(page.getString("items.find { it.creditCode == '" + expired + "' }.licenceStatus"))
                .isEqualTo("EXPIRED");
        assertThat(json).doesNotContain("13812345678").doesNotContain("李").doesNotContain("contact");

        given().queryParam("licenceStatus", "EXPIRED")
                .queryParam("county", "141130")
                .get(PUBLIC)
                .then()
                .statusCode(200)
                .body("items.creditCode", hasItem(expired))
                .body("items.creditCode", not(hasItem(valid)));
        given().queryParam("county", "bad").get(PUBLIC).then().statusCode(400).body("errors.field", hasItem("county"));
        // the non-public list still needs a token
        given().get(PATH).then().statusCode(401);
    }

    @Test
    void expiryWarningsListValidQualificationsEndingWithinTheWindow() {
        String inTen = TestIdentifiers.creditCode();
        Fixtures.register(Fixtures.enterprise(
                inTen,
                "CASCADE_USE",
                "141125",
                Fixtures.today().minusYears(1),
                Fixtures.today().plusDays(10),
                "VALID"));
        String inForty = TestIdentifiers.creditCode();
        Fixtures.register(Fixtures.enterprise(
                inForty,
                "CASCADE_USE",
                "141125",
                Fixtures.today().minusYears(1),
                Fixtures.today().plusDays(40),
                "VALID"));

        String json = given().auth()
                .oauth2(TestTokens.countyOfficer("141125"))
                .queryParam("withinDays", 30)
                .queryParam("size", 200)
                .get(PATH + "/expiring-qualifications")
                .then()
                .statusCode(200)
                .body("items.creditCode", hasItem(inTen))
                .body("items.creditCode", not(hasItem(inForty)))
                .extract()
                .asString();
        assertThat(JsonPath.from(json).getInt("items.find { it.creditCode == '" + inTen + "' }.daysLeft"))
                .isEqualTo(10);
        given().auth()
                .oauth2(TestTokens.cityAdmin())
                .queryParam("withinDays", 5)
                .queryParam("size", 200)
                .get(PATH + "/expiring-qualifications")
                .then()
                .statusCode(200)
                .body("items.creditCode", not(hasItem(inTen)));
        given().auth()
                .oauth2(TestTokens.countyOfficer("141102"))
                .queryParam("size", 200)
                .get(PATH + "/expiring-qualifications")
                .then()
                .statusCode(200)
                .body("items.creditCode", not(hasItem(inTen)));
    }

    @Test
    void aQualificationChangeNeedsTheCurrentVersionAndShowsInThePublicListing() {
        String code = Fixtures.qualified("DISMANTLER", "141126");
        Map<String, Object> change = Map.of(
                "qualification",
                Map.of(
                        "licenceNumber",
                        "SUSP-" + code,
                        "scope",
                        "报废机动车回收拆解",
                        "validFrom",
                        Fixtures.today().minusYears(1).toString(),
                        "validTo",
                        Fixtures.today().plusYears(1).toString(),
                        "status",
                        "SUSPENDED"),
                "reason",
                "整改期间暂停",
                "version",
                0);
        given().auth()
                .oauth2(TestTokens.cityAdmin())
                .contentType(ContentType.JSON)
                .body(change)
                .put(PATH + "/" + code + "/qualification")
                .then()
                .statusCode(200)
                .body("qualification.licenceStatus", equalTo("SUSPENDED"))
                .body("version", equalTo(1));
        given().auth()
                .oauth2(TestTokens.cityAdmin())
                .contentType(ContentType.JSON)
                .body(change)
                .put(PATH + "/" + code + "/qualification")
                .then()
                .statusCode(409);
        given().queryParam("county", "141126")
                .queryParam("licenceStatus", "SUSPENDED")
                .queryParam("size", 200)
                .get(PUBLIC)
                .then()
                .statusCode(200)
                .body("items.creditCode", hasItem(code));
        List<JsonNode> events = Fixtures.events(code, RecyclingEvents.QUALIFICATION_CHANGED, 2);
        assertThat(events).hasSize(2);
        assertThat(events.get(1).path("data").path("status").asText()).isEqualTo("SUSPENDED");
        assertThat(events.get(1).path("data").path("reason").asText()).isEqualTo("整改期间暂停");
    }
}
