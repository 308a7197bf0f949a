package cn.gov.lvliang.renewal.recycling.sites;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import cn.gov.lvliang.renewal.recycling.Fixtures;
import cn.gov.lvliang.renewal.testing.TestIdentifiers;
import cn.gov.lvliang.renewal.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
class SiteResourceTest {

    private static final String PATH = "/api/recycling/sites";
    private static final String PUBLIC = "/api/recycling/public/sites";
    private static final String COUNTY = "141127";

    private static Map<String, Object> site(String operator, String level, Long parent) {
        Map<String, Object> body = new HashMap<>();
        body.put("name", "岚县" + level);
        body.put("level", level);
        body.put("operatorCreditCode", operator);
        body.put("county", COUNTY);
        body.put("address", "吕梁市岚县东村镇 8 号");
        body.put("latitude", 38.279);
        body.put("longitude", 111.673);
        body.put("dailyCapacityKg", 5000);
        body.put("parentSiteId", parent);
        return body;
    }

    private static long create(String token, Map<String, Object> body) {
        return given().auth()
                .oauth2(token)
                .contentType(ContentType.JSON)
                .body(body)
                .post(PATH)
                .then()
                .statusCode(201)
                .extract()
                .jsonPath()
                .getLong("id");
    }

    private static void rejected(Map<String, Object> body, String messagePart) {
        given().auth()
                .oauth2(TestTokens.cityAdmin())
                .header("Accept-Language", "en")
                .contentType(ContentType.JSON)
                .body(body)
                .post(PATH)
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItem("parentSiteId"))
                .body("errors.message", hasItem(org.hamcrest.Matchers.containsString(messagePart)));
    }

    @Test
    void theThreeLevelsLinkUpwardsAndWrongLinksAreRefused() {
        String operator = Fixtures.qualified("RENEWABLE_RESOURCE_RECYCLER", COUNTY);
        String officer = TestTokens.countyOfficer(COUNTY);
        long centre = create(officer, site(operator, "SORTING_CENTRE", null));
        long station = create(officer, site(operator, "TRANSFER_STATION", centre));
        long point = create(officer, site(operator, "COLLECTION_POINT", station));

        rejected(site(operator, "COLLECTION_POINT", centre), "TRANSFER_STATION");
        rejected(site(operator, "TRANSFER_STATION", point), "SORTING_CENTRE");
        rejected(site(operator, "COLLECTION_POINT", null), "required");
        rejected(site(operator, "SORTING_CENTRE", centre), "no parent");
        rejected(site(operator, "COLLECTION_POINT", 987_654_321L), "no such");

        // unknown operator, and another county's officer
        given().auth()
                .oauth2(TestTokens.cityAdmin())
                .contentType(ContentType.JSON)
                .body(site(TestIdentifiers.creditCode(), "SORTING_CENTRE", null))
                .post(PATH)
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("operatorCreditCode"));
        given().auth()
                .oauth2(TestTokens.countyOfficer("141102"))
                .contentType(ContentType.JSON)
                .body(site(operator, "SORTING_CENTRE", null))
                .post(PATH)
                .then()
                .statusCode(403);

        given().auth()
                .oauth2(officer)
                .get(PATH + "/" + point)
                .then()
                .statusCode(200)
                .body("parentSiteId", equalTo((int) station))
                .body("level", equalTo("COLLECTION_POINT"));
        given().auth()
                .oauth2(TestTokens.countyOfficer("141102"))
                .get(PATH + "/" + point)
                .then()
                .statusCode(404);
    }

    @Test
    void thePublicSiteListingNeedsNoTokenFiltersAndHidesClosedSites() {
        String operator = Fixtures.qualified("RENEWABLE_RESOURCE_RECYCLER", COUNTY);
        long centre = create(TestTokens.cityAdmin(), site(operator, "SORTING_CENTRE", null));
        long station = create(TestTokens.cityAdmin(), site(operator, "TRANSFER_STATION", centre));

        given().queryParam("county", COUNTY)
                .queryParam("level", "SORTING_CENTRE")
                .queryParam("size", 200)
                .get(PUBLIC)
                .then()
                .statusCode(200)
                .body("items.id", hasItem((int) centre))
                .body("items.id", not(hasItem((int) station)))
                .body("items.level", everyItem(equalTo("SORTING_CENTRE")))
                .body("items.county", everyItem(equalTo(COUNTY)));

        given().auth()
                .oauth2(TestTokens.cityAdmin())
                .contentType(ContentType.JSON)
                .body(Map.of("status", "CLOSED", "version", 0))
                .put(PATH + "/" + station + "/status")
                .then()
                .statusCode(200)
                .body("status", equalTo("CLOSED"));
        given().queryParam("county", COUNTY)
                .queryParam("size", 200)
                .get(PUBLIC)
                .then()
                .statusCode(200)
                .body("items.id", hasItem((int) centre))
                .body("items.id", not(hasItem((int) station)));

        // the enterprise listing shows the operator's open sites
        given().queryParam("county", COUNTY)
                .queryParam("size", 200)
                .get("/api/recycling/public/enterprises")
                .then()
                .statusCode(200)
                .body("items.find { it.creditCode == '" + operator + "' }.sites.id", hasItem((int) centre))
                .body("items.find { it.creditCode == '" + operator + "' }.sites.id", not(hasItem((int) station)));

        given().queryParam("level", "PYRAMID")
                .get(PUBLIC)
                .then()
                .statusCode(org.hamcrest.Matchers.both(org.hamcrest.Matchers.greaterThanOrEqualTo(400))
                        .and(org.hamcrest.Matchers.lessThan(500)))
                .contentType("application/problem+json");
    }
}
