package cn.gov.lvliang.renewal.tasks.statistics;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import cn.gov.lvliang.renewal.platform.pii.KeyedHash;
import cn.gov.lvliang.renewal.platform.security.Roles;
import cn.gov.lvliang.renewal.tasks.SourceEvents;
import cn.gov.lvliang.renewal.tasks.TestClock;
import cn.gov.lvliang.renewal.tasks.messaging.StatisticsEvents;
import cn.gov.lvliang.renewal.testing.KafkaTestClient;
import cn.gov.lvliang.renewal.testing.TestKeys;
import cn.gov.lvliang.renewal.testing.TestTokens;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The statistics bureau's feed end to end, on the real broker and database: PII-laden source
 * events in, a PII-free stream, the SDMX export, snapshots, backfill and the rebuild out.
 */
@QuarkusTest
class StatisticsFeedTest {

    static final String COUNTY = "141124";
    static final String NAME = "王小明";
    static final String ID_NUMBER = "14112419800101123X";
    static final String PHONE = "13912345678";
    static final String ADDRESS = "山西省吕梁市临县城关镇幸福路8号";
    static final String BANK_ACCOUNT = "6222021234567890123";
    static final KeyedHash SERVICE_HASH = new KeyedHash(Base64.getDecoder().decode(TestKeys.HASH_KEY));
    static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    EntityManager em;

    @BeforeEach
    void realTime() {
        TestClock.reset();
    }

    static String bureau() {
        return TestTokens.token(Roles.STATISTICS_BUREAU, Map.of());
    }

    /** Every form of the owner's personal data a careless producer could leak. */
    static List<String> piiForms() {
        return List.of(
                NAME,
                "王**",
                "王*",
                ID_NUMBER,
                ID_NUMBER.substring(0, 17),
                "1411**********123X",
                PHONE,
                "139****5678",
                ADDRESS,
                "幸福路",
                BANK_ACCOUNT,
                SERVICE_HASH.hash(ID_NUMBER),
                SERVICE_HASH.hash("subsidy-claimant:" + ID_NUMBER),
                "LSVAU218XN2183294",
                "CEA123456");
    }

    /** A scrapped-vehicle certificate with the owner's data in every form, plain ones included. */
    static String pii_ladenCertificate(String number, LocalDate handover) {
        String owner = """
                {"idNumberHash":"%s","idNumberMasked":"1411**********123X","nameMasked":"王**",
                 "name":"%s","idNumber":"%s","phone":"%s","phoneMasked":"139****5678","address":"%s"}
                """.formatted(SERVICE_HASH.hash(ID_NUMBER), NAME, ID_NUMBER, PHONE, ADDRESS);
        return SourceEvents.vehicleScrapped(number, COUNTY, handover.toString(), owner)
                .replace(
                        "\"version\":1}",
                        "\"version\":1,\"ownerPhone\":\"" + PHONE + "\",\"bankAccount\":\"" + BANK_ACCOUNT
                                + "\",\"remark\":\"车主" + NAME + "，电话" + PHONE + "\"}");
    }

    static String pii_ladenClaimPaid(String claimId, long amountFen, Instant paidAt) {
        return SourceEvents.claimPaid(claimId, COUNTY, amountFen, paidAt.toString(), """
                        ,"applicantName":"%s","applicantIdNumber":"%s","applicantPhone":"%s",
                         "bankAccount":"%s","deliveryAddress":"%s"
                        """.formatted(
                                NAME, ID_NUMBER, PHONE, BANK_ACCOUNT, ADDRESS))
                .replace("3f".repeat(32), SERVICE_HASH.hash("subsidy-claimant:" + ID_NUMBER));
    }

    static String export(String query) {
        return given().auth()
                .oauth2(bureau())
                .accept(SdmxCsv.MEDIA_TYPE)
                .get("/api/tasks/statistics/sdmx/data?" + query)
                .then()
                .statusCode(200)
                .contentType(SdmxCsv.MEDIA_TYPE)
                .extract()
                .asString();
    }

    static String cell(String csv, String indicator, String area, String period) {
        for (String line : csv.split("\n")) {
            String[] c = line.split(",", -1);
            if (c[3].equals(indicator) && c[4].equals(area) && c[5].equals(period)) {
                return c[6];
            }
        }
        return null;
    }

    static List<ConsumerRecord<String, String>> bureauRecords(String subject, String type) {
        return KafkaTestClient.await(
                StatisticsEvents.TOPIC,
                r -> subject.equals(r.key()) && r.value().contains("\"" + type + "\""),
                1,
                Duration.ofSeconds(30));
    }

    @Test
    void aScrappedCarAndAPaidClaimInLinxianReachTheExportAndTheStreamWithoutTheOwnersData() throws Exception {
        YearMonth month = YearMonth.now(ZoneOffset.UTC);
        String period = month.toString();
        String before = export("area=" + COUNTY + "&period=" + period);
        long carsBefore = Long.parseLong(cell(before, "SCRAPPED_CARS", COUNTY, period));
        long spendBefore = Long.parseLong(cell(before, "SUBSIDY_SPEND", COUNTY, period));

        String number = "LL-STAT-" + UUID.randomUUID().toString().substring(0, 8);
        String claimId = UUID.randomUUID().toString();
        KafkaTestClient.send("recycling.events", number, pii_ladenCertificate(number, LocalDate.now(ZoneOffset.UTC)));
        Instant paidAt = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        if (!YearMonth.from(paidAt.atZone(ZoneId.of("Asia/Shanghai"))).equals(month)) {
            paidAt = month.atDay(15).atStartOfDay().toInstant(ZoneOffset.UTC);
        }
        KafkaTestClient.send("subsidy.events", claimId, pii_ladenClaimPaid(claimId, 1_500_000, paidAt));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            String after = export("area=" + COUNTY + "&period=" + period);
            assertThat(Long.parseLong(cell(after, "SCRAPPED_CARS", COUNTY, period)))
                    .isEqualTo(carsBefore + 1);
            assertThat(Long.parseLong(cell(after, "SUBSIDY_SPEND", COUNTY, period)))
                    .isEqualTo(spendBefore + 1_500_000);
        });
        String after = export("area=" + COUNTY + "&period=" + period);
        assertThat(after.split("\n")[0])
                .isEqualTo(
                        "STRUCTURE,STRUCTURE_ID,ACTION,INDICATOR,REF_AREA,TIME_PERIOD,OBS_VALUE,UNIT_MEASURE,OBS_STATUS");
        assertThat(after)
                .contains("dataflow,LVLIANG:DF_RENEWAL_INDICATORS(1.0),I,SCRAPPED_CARS," + COUNTY + "," + period + ",")
                .contains(",VEHICLE,A\n");
        assertThat(after.split("\n")).hasSize(1 + 10);

        List<ConsumerRecord<String, String>> car =
                bureauRecords(number, "cn.gov.lvliang.statistics.vehicle.scrapped.v1");
        List<ConsumerRecord<String, String>> claim = bureauRecords(claimId, "cn.gov.lvliang.statistics.claim.paid.v1");
        assertThat(car).hasSize(1);
        assertThat(claim).hasSize(1);
        JsonNode carData = JSON.readTree(car.get(0).value()).path("data");
        JsonNode claimData = JSON.readTree(claim.get(0).value()).path("data");
        assertThat(carData.path("county").asText()).isEqualTo(COUNTY);
        assertThat(carData.path("ownerPseudonym").asText()).matches("[0-9a-f]{64}");
        assertThat(carData.has("owner")).isFalse();
        assertThat(claimData.path("amountFen").asLong()).isEqualTo(1_500_000);
        assertThat(claimData.path("claimantPseudonym").asText())
                .matches("[0-9a-f]{64}")
                .isNotEqualTo(SERVICE_HASH.hash("subsidy-claimant:" + ID_NUMBER));

        // Nothing of the owner, in any form, anywhere on the bureau's stream (values and headers).
        List<ConsumerRecord<String, String>> all =
                KafkaTestClient.await(StatisticsEvents.TOPIC, r -> true, Integer.MAX_VALUE, Duration.ofSeconds(5));
        assertThat(all).isNotEmpty();
        for (ConsumerRecord<String, String> r : all) {
            StringBuilder text = new StringBuilder(r.value()).append(r.key());
            for (Header h : r.headers()) {
                text.append(new String(h.value(), StandardCharsets.UTF_8));
            }
            for (String form : piiForms()) {
                assertThat(text.toString()).as("record %s", r.offset()).doesNotContain(form);
            }
        }
    }

    @Test
    void theSameOwnerKeepsOnePseudonymThatIsNotTheServicesHash() throws Exception {
        String first = "LL-PSN-" + UUID.randomUUID().toString().substring(0, 8);
        String second = "LL-PSN-" + UUID.randomUUID().toString().substring(0, 8);
        KafkaTestClient.send("recycling.events", first, pii_ladenCertificate(first, LocalDate.of(2025, 2, 3)));
        KafkaTestClient.send("recycling.events", second, pii_ladenCertificate(second, LocalDate.of(2025, 2, 4)));
        String a = JSON.readTree(bureauRecords(first, "cn.gov.lvliang.statistics.vehicle.scrapped.v1")
                        .get(0)
                        .value())
                .path("data")
                .path("ownerPseudonym")
                .asText();
        String b = JSON.readTree(bureauRecords(second, "cn.gov.lvliang.statistics.vehicle.scrapped.v1")
                        .get(0)
                        .value())
                .path("data")
                .path("ownerPseudonym")
                .asText();
        assertThat(a).isEqualTo(b).isNotEqualTo(SERVICE_HASH.hash(ID_NUMBER));
    }

    @Test
    void deletingTheIndicatorTablesAndRebuildingFromTheEventsGivesTheSameExportByteForByte() {
        String number = "LL-RB-" + UUID.randomUUID().toString().substring(0, 8);
        KafkaTestClient.send("recycling.events", number, SourceEvents.vehicleScrapped(number, COUNTY, "2024-11-05"));
        KafkaTestClient.send("recycling.events", "rb-trade", SourceEvents.usedCarTraded(COUNTY, "2024-11-06"));
        String claimId = UUID.randomUUID().toString();
        KafkaTestClient.send(
                "subsidy.events",
                claimId,
                SourceEvents.claimPaid(claimId, COUNTY, 123_456, "2024-11-07T03:00:00Z", ""));
        await().atMost(Duration.ofSeconds(30))
                .until(() -> !"0"
                                .equals(cell(
                                        export("area=" + COUNTY + "&period=2024-11"),
                                        "SUBSIDY_SPEND",
                                        COUNTY,
                                        "2024-11"))
                        && !"0"
                                .equals(cell(
                                        export("area=" + COUNTY + "&period=2024-11"),
                                        "USED_CAR_TRADES",
                                        COUNTY,
                                        "2024-11")));
        String range = "startPeriod=2024-01&endPeriod=" + YearMonth.now(ZoneOffset.UTC);
        String before = export(range);
        assertThat(cell(before, "SCRAPPED_CARS", COUNTY, "2024-11")).isNotEqualTo("0");

        QuarkusTransaction.requiringNew()
                .run(() -> em.createNativeQuery("delete from indicator_value").executeUpdate());
        String emptied = export(range);
        assertThat(emptied).isNotEqualTo(before);
        assertThat(cell(emptied, "SCRAPPED_CARS", COUNTY, "2024-11")).isEqualTo("0");

        given().auth()
                .oauth2(TestTokens.countyOfficer(COUNTY))
                .post("/api/tasks/statistics/indicators/rebuild")
                .then()
                .statusCode(403);
        given().auth()
                .oauth2(TestTokens.cityAdmin())
                .post("/api/tasks/statistics/indicators/rebuild")
                .then()
                .statusCode(200);
        assertThat(export(range).getBytes(StandardCharsets.UTF_8)).isEqualTo(before.getBytes(StandardCharsets.UTF_8));

        // the same as a job: accepted at once, followed to its end, the same bytes
        QuarkusTransaction.requiringNew()
                .run(() -> em.createNativeQuery("delete from indicator_value").executeUpdate());
        given().auth()
                .oauth2(TestTokens.countyOfficer(COUNTY))
                .post("/api/tasks/statistics/indicators/rebuilds")
                .then()
                .statusCode(403);
        io.restassured.response.Response accepted = given().auth()
                .oauth2(TestTokens.cityAdmin())
                .post("/api/tasks/statistics/indicators/rebuilds")
                .then()
                .statusCode(202)
                .extract()
                .response();
        String location = "/api/tasks/statistics/indicators/rebuilds/"
                + accepted.jsonPath().getString("id");
        assertThat(accepted.header("Location")).endsWith(location);
        await().atMost(Duration.ofSeconds(30))
                .until(() -> given().auth()
                        .oauth2(TestTokens.auditor())
                        .get(location)
                        .then()
                        .statusCode(200)
                        .extract()
                        .jsonPath()
                        .getString("state")
                        .equals("SUCCEEDED"));
        JsonPath done = given().auth()
                .oauth2(TestTokens.cityAdmin())
                .get(location)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(done.getLong("eventsReplayed")).isGreaterThanOrEqualTo(done.getLong("eventsTotal"));
        assertThat(done.getInt("percent")).isEqualTo(100);
        assertThat(done.getString("startedAt")).isNotNull();
        assertThat(export(range).getBytes(StandardCharsets.UTF_8)).isEqualTo(before.getBytes(StandardCharsets.UTF_8));
        given().auth()
                .oauth2(TestTokens.cityAdmin())
                .get("/api/tasks/statistics/indicators/rebuilds/" + UUID.randomUUID())
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void snapshotsCoverEveryIndicatorCountyAndTheCityOnDemandAndOnceWhenTheMonthCloses() {
        String period = YearMonth.now(ZoneOffset.UTC).toString();
        JsonPath published = given().auth()
                .oauth2(bureau())
                .post("/api/tasks/statistics/snapshots?period=" + period)
                .then()
                .statusCode(202)
                .body("events", equalTo(10 * 14))
                .body("closing", equalTo(false))
                .extract()
                .jsonPath();
        String snapshotId = published.getString("snapshotId");
        List<ConsumerRecord<String, String>> snapshots = KafkaTestClient.await(
                StatisticsEvents.SNAPSHOT_TOPIC, r -> r.value().contains(snapshotId), 140, Duration.ofSeconds(30));
        assertThat(snapshots).hasSize(140);
        Set<String> keys = new HashSet<>();
        snapshots.forEach(r -> keys.add(r.key()));
        assertThat(keys)
                .hasSize(140)
                .contains(
                        "SCRAPPED_CARS:141124:" + period,
                        "SCRAPPED_CARS:141100:" + period,
                        "MECHANISATION_RATE:141102:" + period);

        YearMonth closed = YearMonth.now(ZoneId.of("Asia/Shanghai")).minusMonths(1);
        given().auth()
                .oauth2(TestTokens.cityAdmin())
                .post("/api/tasks/statistics/month-closes/" + closed.plusMonths(2))
                .then()
                .statusCode(400);
        given().auth()
                .oauth2(TestTokens.cityAdmin())
                .post("/api/tasks/statistics/month-closes/" + closed)
                .then()
                .statusCode(201)
                .body("closing", equalTo(true))
                .body("events", equalTo(140));
        given().auth()
                .oauth2(TestTokens.cityAdmin())
                .post("/api/tasks/statistics/month-closes/" + closed)
                .then()
                .statusCode(200)
                .body("alreadyClosed", equalTo(true));
    }

    @Test
    void backfillPagesWithAStableCursorByTypeAndTime() {
        String type = "cn.gov.lvliang.statistics.used-car.traded.v1";
        Instant from = Instant.now().minusSeconds(1);
        KafkaTestClient.send("recycling.events", "bf-1", SourceEvents.usedCarTraded("141125", "2025-06-01"));
        KafkaTestClient.send("recycling.events", "bf-2", SourceEvents.usedCarTraded("141125", "2025-06-02"));
        KafkaTestClient.send("recycling.events", "bf-3", SourceEvents.usedCarTraded("141125", "2025-06-03"));
        await().atMost(Duration.ofSeconds(30))
                .until(() -> page(type, from, null, 10).getList("items").size() >= 3);

        List<String> ids = new ArrayList<>();
        String cursor = null;
        for (int i = 0; i < 10; i++) {
            JsonPath page = page(type, from, cursor, 2);
            ids.addAll(page.getList("items.id"));
            assertThat(page.getList("items.type", String.class)).allMatch(type::equals);
            cursor = page.getString("nextCursor");
            if (!page.getBoolean("more")) {
                break;
            }
        }
        assertThat(ids).hasSize(3).doesNotHaveDuplicates();
        assertThat(page(type, from, cursor, 2).getList("items")).isEmpty();

        KafkaTestClient.send("recycling.events", "bf-4", SourceEvents.usedCarTraded("141125", "2025-06-04"));
        String last = cursor;
        await().atMost(Duration.ofSeconds(30))
                .until(() -> page(type, from, last, 2).getList("items").size() == 1);

        given().auth()
                .oauth2(bureau())
                .get("/api/tasks/statistics/events?cursor=not-a-cursor")
                .then()
                .statusCode(400)
                .contentType("application/problem+json");
        given().auth()
                .oauth2(bureau())
                .get("/api/tasks/statistics/events?from=yesterday")
                .then()
                .statusCode(400);
    }

    @Test
    void theExportHasAJsonVariantFiltersAndRoles() {
        String period = YearMonth.now(ZoneOffset.UTC).toString();
        JsonPath json = given().auth()
                .oauth2(TestTokens.auditor())
                .accept("application/json")
                .get("/api/tasks/statistics/sdmx/data?area=141100&period=" + period)
                .then()
                .statusCode(200)
                .contentType("application/json")
                .extract()
                .jsonPath();
        assertThat(json.getString("structureId")).isEqualTo(SdmxCsv.STRUCTURE_ID);
        assertThat(json.getList("observations")).hasSize(10);
        assertThat(json.getList("observations.REF_AREA", String.class)).containsOnly("141100");
        assertThat(json.getList("observations.OBS_STATUS", String.class)).contains("A", "M");

        String csv = export("area=141102&startPeriod=2025-01&endPeriod=2025-03");
        assertThat(csv.split("\n")).hasSize(1 + 10 * 3);
        given().auth()
                .oauth2(bureau())
                .get("/api/tasks/statistics/sdmx/data?area=999999")
                .then()
                .statusCode(400)
                .contentType("application/problem+json");
        given().auth()
                .oauth2(bureau())
                .get("/api/tasks/statistics/sdmx/data?startPeriod=2025-05&endPeriod=2025-01")
                .then()
                .statusCode(400);
        given().auth()
                .oauth2(TestTokens.countyOfficer("141102"))
                .get("/api/tasks/statistics/sdmx/data")
                .then()
                .statusCode(403);
        given().get("/api/tasks/statistics/sdmx/data").then().statusCode(401);
    }

    static JsonPath page(String type, Instant from, String cursor, int size) {
        var request = given().auth()
                .oauth2(bureau())
                .queryParam("type", type)
                .queryParam("from", from.toString())
                .queryParam("size", size);
        if (cursor != null) {
            request = request.queryParam("cursor", cursor);
        }
        return request.get("/api/tasks/statistics/events")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }
}
