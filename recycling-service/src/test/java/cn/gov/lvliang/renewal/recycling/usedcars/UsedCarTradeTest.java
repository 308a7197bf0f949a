package cn.gov.lvliang.renewal.recycling.usedcars;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import cn.gov.lvliang.renewal.platform.security.Roles;
import cn.gov.lvliang.renewal.recycling.Fixtures;
import cn.gov.lvliang.renewal.recycling.messaging.RecyclingEvents;
import cn.gov.lvliang.renewal.testing.TestIdentifiers;
import cn.gov.lvliang.renewal.testing.TestTokens;
import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
class UsedCarTradeTest {

    private static final String PATH = "/api/recycling/used-car-trades";

    private static Map<String, Object> trade(String vin, LocalDate registered, LocalDate traded) {
        Map<String, Object> body = new HashMap<>();
        body.put("vin", vin);
        body.put("tradeDate", traded.toString());
        body.put("priceFen", 8_650_000L);
        body.put("firstRegistrationDate", registered.toString());
        body.put("fromArea", "141102");
        body.put("toArea", "140105");
        body.put("export", false);
        body.put("odometerKm", 35);
        return body;
    }

    @Test
    void aTradeTenDaysAfterFirstRegistrationCarriesTheZeroMileageFlag() {
        String market = Fixtures.qualified("USED_CAR_MARKET", "141181");
        String token = TestTokens.enterprise(Roles.USED_CAR_MARKET, market);
        String vin = TestIdentifiers.vin();
        LocalDate traded = Fixtures.today().minusDays(1);

        String tradeId = given().auth()
                .oauth2(token)
                .contentType(ContentType.JSON)
                .body(trade(vin, traded.minusDays(10), traded))
                .post(PATH)
                .then()
                .statusCode(201)
                .body("zeroMileage", equalTo(true))
                .body("crossRegion", equalTo(true))
                .body("export", equalTo(false))
                .body("county", equalTo("141181"))
                .extract()
                .path("tradeId");

        List<JsonNode> events = Fixtures.events(tradeId, RecyclingEvents.USED_CAR_TRADED, 1);
        assertThat(events).hasSize(1);
        JsonNode data = events.get(0).path("data");
        assertThat(data.path("tradeId").asText()).isEqualTo(tradeId);
        assertThat(data.path("county").asText()).isEqualTo("141181");
        assertThat(data.path("vin").asText()).isEqualTo(vin);
        assertThat(data.path("tradeDate").asText()).isEqualTo(traded.toString());
        assertThat(data.path("priceFen").asLong()).isEqualTo(8_650_000L);
        assertThat(data.path("zeroMileage").asBoolean()).isTrue();
        assertThat(data.path("crossRegion").asBoolean()).isTrue();
        assertThat(data.path("export").asBoolean()).isFalse();

        // an older car in the same city: no flags; an export names its destination
        Map<String, Object> old = trade(TestIdentifiers.vin(), traded.minusYears(3), traded);
        old.put("toArea", "141124");
        given().auth()
                .oauth2(token)
                .contentType(ContentType.JSON)
                .body(old)
                .post(PATH)
                .then()
                .statusCode(201)
                .body("zeroMileage", equalTo(false))
                .body("crossRegion", equalTo(false));
        Map<String, Object> export = trade(TestIdentifiers.vin(), traded.minusDays(31), traded);
        export.put("toArea", null);
        export.put("export", true);
        given().auth()
                .oauth2(token)
                .contentType(ContentType.JSON)
                .body(export)
                .post(PATH)
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("destinationCountry"));
        export.put("destinationCountry", "KZ");
        given().auth()
                .oauth2(token)
                .contentType(ContentType.JSON)
                .body(export)
                .post(PATH)
                .then()
                .statusCode(201)
                .body("export", equalTo(true))
                .body("zeroMileage", equalTo(false));

        given().auth()
                .oauth2(TestTokens.countyOfficer("141181"))
                .get(PATH + "/" + tradeId)
                .then()
                .statusCode(200);
        given().auth()
                .oauth2(TestTokens.countyOfficer("141182"))
                .get(PATH + "/" + tradeId)
                .then()
                .statusCode(404);
    }

    @Test
    void badVinsImpossibleDatesAndUnqualifiedMarketsAreRefused() {
        String market = Fixtures.qualified("USED_CAR_MARKET", "141181");
        String token = TestTokens.enterprise(Roles.USED_CAR_MARKET, market);
        LocalDate today = Fixtures.today();
        given().auth()
                .oauth2(token)
                .contentType(ContentType.JSON)
                .body(trade(TestIdentifiers.vinWithWrongCheckDigit(), today.minusDays(5), today))
                .post(PATH)
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("vin"));
        given().auth()
                .oauth2(token)
                .contentType(ContentType.JSON)
                .body(trade(TestIdentifiers.vin(), today.minusDays(5), today.minusDays(6)))
                .post(PATH)
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("tradeDate"));
        String dismantler = Fixtures.qualified("DISMANTLER", "141181");
        given().auth()
                .oauth2(TestTokens.enterprise(Roles.USED_CAR_MARKET, dismantler))
                .contentType(ContentType.JSON)
                .body(trade(TestIdentifiers.vin(), today.minusDays(50), today))
                .post(PATH)
                .then()
                .statusCode(403);
    }
}
