package cn.gov.lvliang.renewal.tasks.indicators;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import cn.gov.lvliang.renewal.tasks.SourceEvents;
import cn.gov.lvliang.renewal.tasks.TestPlans;
import cn.gov.lvliang.renewal.tasks.importer.TextNormaliser;
import cn.gov.lvliang.renewal.testing.KafkaTestClient;
import cn.gov.lvliang.renewal.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Indicator actuals from real events in the documented formats, manual values and progress. */
@QuarkusTest
class IndicatorTest {

    static String envelope(String source, String type, String subject, String data) {
        return SourceEvents.envelope(source, type, subject, data);
    }

    static String vehicleScrapped(String number, String county, String handoverDate) {
        return SourceEvents.vehicleScrapped(number, county, handoverDate);
    }

    static JsonPath values(String code, String area) {
        return given().auth()
                .oauth2(TestTokens.cityAdmin())
                .queryParam("area", area)
                .get("/api/tasks/indicators/" + code + "/values")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    /** The value for the month, or -1 when there is none. */
    static double valueIn(String code, String area, String month) {
        Number n = values(code, area).get("find { it.period == '" + month + "' }.value");
        return n == null ? -1 : n.doubleValue();
    }

    @Test
    void aScrappedVehicleEventForLinxianMovesItsScrappedCarIndicatorForThatMonth() {
        String number = "LL-IND-" + UUID.randomUUID().toString().substring(0, 8);
        String event = vehicleScrapped(number, "141124", "2024-08-01");
        KafkaTestClient.send("recycling.events", number, event);
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(valueIn("SCRAPPED_CARS", "141124", "2024-08"))
                        .isEqualTo(1.0));
        // the same event again (redelivery) changes nothing; another certificate counts
        KafkaTestClient.send("recycling.events", number, event);
        String second = "LL-IND-" + UUID.randomUUID().toString().substring(0, 8);
        KafkaTestClient.send("recycling.events", second, vehicleScrapped(second, "141124", "2024-08-20"));
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(valueIn("SCRAPPED_CARS", "141124", "2024-08"))
                        .isEqualTo(2.0));
        assertThat(valueIn("SCRAPPED_CARS", "141123", "2024-08")).isEqualTo(-1.0);
        assertThat(valueIn("SCRAPPED_CARS", "141100", "2024-08")).isEqualTo(2.0);
        assertThat(KafkaTestClient.await(
                        "tasks.events",
                        r -> r.key().equals("SCRAPPED_CARS:141124") && r.value().contains("indicator.updated.v1"),
                        2,
                        Duration.ofSeconds(30)))
                .hasSize(2);
    }

    @Test
    void tradesAppliancesPaymentsAndInvestmentsFeedTheirIndicators() {
        KafkaTestClient.send("recycling.events", "t1", SourceEvents.usedCarTraded("141181", "2025-03-05"));
        KafkaTestClient.send("recycling.events", "a1", SourceEvents.applianceRecycled("141181", 3, "2025-03-07"));
        String claim = UUID.randomUUID().toString();
        KafkaTestClient.send(
                "subsidy.events", claim, SourceEvents.claimPaid(claim, "141181", 2000000, "2025-03-31T17:00:00Z", ""));
        KafkaTestClient.send(
                "equipment.events", "e1", SourceEvents.investmentCompleted("141181", 150000000, "2025-03-15"));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(valueIn("USED_CAR_TRADES", "141181", "2025-03")).isEqualTo(1.0);
            assertThat(valueIn("APPLIANCE_RECYCLING", "141181", "2025-03")).isEqualTo(3.0);
            // 17:00 UTC on 31 March is 1 April in Beijing
            assertThat(valueIn("SUBSIDY_SPEND", "141181", "2025-04")).isEqualTo(2000000.0);
            assertThat(valueIn("EQUIPMENT_INVESTMENT", "141181", "2025-03")).isEqualTo(150000000.0);
        });
    }

    @Test
    void aBadEventIsDeadLetteredAndTheStreamGoesOn() {
        String bad = SourceEvents.usedCarTraded("linxian", "2025-05-05");
        KafkaTestClient.send("recycling.events", "bad-" + UUID.randomUUID(), bad);
        KafkaTestClient.send("recycling.events", "ok", SourceEvents.usedCarTraded("141126", "2025-05-05"));
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(valueIn("USED_CAR_TRADES", "141126", "2025-05"))
                        .isEqualTo(1.0));
        assertThat(KafkaTestClient.await(
                        "recycling.events.dlq",
                        r -> r.value().contains("linxian")
                                && new String(r.headers()
                                                .lastHeader("dlq-consumer")
                                                .value())
                                        .equals("indicator-actuals"),
                        1,
                        Duration.ofSeconds(30)))
                .hasSize(1);
    }

    @Test
    void manualValuesOnlyForIndicatorsWithoutASourceAndProgressAgainstTheLine() {
        given().auth()
                .oauth2(TestTokens.cityAdmin())
                .contentType("application/json")
                .body(Map.of("value", 5))
                .put("/api/tasks/indicators/SCRAPPED_CARS/values/141102/2025-01")
                .then()
                .statusCode(422);
        given().auth()
                .oauth2(TestTokens.countyOfficer("141102"))
                .contentType("application/json")
                .body(Map.of("value", 40))
                .put("/api/tasks/indicators/OLD_COMPOUNDS_RENOVATED/values/141122/2025-01")
                .then()
                .statusCode(403);
        given().auth()
                .oauth2(TestTokens.countyOfficer("141102"))
                .contentType("application/json")
                .body(Map.of("value", 40))
                .put("/api/tasks/indicators/OLD_COMPOUNDS_RENOVATED/values/141102/2025-01")
                .then()
                .statusCode(200);
        given().auth()
                .oauth2(TestTokens.cityAdmin())
                .contentType("application/json")
                .body(Map.of("value", 62.5))
                .put("/api/tasks/indicators/MECHANISATION_RATE/baselines/141100")
                .then()
                .statusCode(204);
        given().auth()
                .oauth2(TestTokens.cityAdmin())
                .contentType("application/json")
                .body(Map.of("value", 70))
                .put("/api/tasks/indicators/MECHANISATION_RATE/values/141100/2025-12")
                .then()
                .statusCode(200);
        // half way (end of 2025) the line stands at 71.25%: 70% is behind
        given().auth()
                .oauth2(TestTokens.auditor())
                .queryParam("asOf", "2025-12")
                .get("/api/tasks/indicators/MECHANISATION_RATE")
                .then()
                .statusCode(200)
                .body("assessment.target", equalTo(80))
                .body("assessment.actual", equalTo(70))
                .body("assessment.behindSchedule", equalTo(true));
        given().auth()
                .oauth2(TestTokens.cityAdmin())
                .queryParam("area", "999999")
                .get("/api/tasks/indicators")
                .then()
                .statusCode(400);
    }

    @Test
    void baselinesAreUploadedAsCsvAllOrNothing() {
        given().auth()
                .oauth2(TestTokens.cityAdmin())
                .contentType("text/csv; charset=utf-8")
                .body("area,value\n141102,5\n141999,7\n")
                .put("/api/tasks/indicators/USED_CAR_TRADES/baselines")
                .then()
                .statusCode(400);
        given().auth()
                .oauth2(TestTokens.cityAdmin())
                .queryParam("area", "141102")
                .get("/api/tasks/indicators/USED_CAR_TRADES")
                .then()
                .body("assessment.baseline", org.hamcrest.Matchers.nullValue());
        given().auth()
                .oauth2(TestTokens.cityAdmin())
                .contentType("text/csv; charset=utf-8")
                .body("area,value\r\n141102,1200\r\n141100,20000\r\n")
                .put("/api/tasks/indicators/USED_CAR_TRADES/baselines")
                .then()
                .statusCode(200);
        given().auth()
                .oauth2(TestTokens.cityAdmin())
                .queryParam("area", "141102")
                .get("/api/tasks/indicators/USED_CAR_TRADES")
                .then()
                .body("assessment.baseline", equalTo(1200))
                .body("assessment.target", equalTo(1740.0f));
        given().auth()
                .oauth2(TestTokens.countyOfficer("141102"))
                .contentType("text/csv; charset=utf-8")
                .body("141102,1\n")
                .put("/api/tasks/indicators/USED_CAR_TRADES/baselines")
                .then()
                .statusCode(403);
    }

    @Test
    void everyIndicatorQuotesTheDocument() {
        String document = TextNormaliser.normalise(TestPlans.SHARED).replace("\n", "");
        List<String> quotes = given().auth()
                .oauth2(TestTokens.cityAdmin())
                .get("/api/tasks/indicators")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("quote");
        assertThat(quotes).hasSize(10).allSatisfy(q -> assertThat(document).contains(q));
    }
}
