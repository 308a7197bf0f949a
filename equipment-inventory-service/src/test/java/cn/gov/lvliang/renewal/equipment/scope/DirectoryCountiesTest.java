package cn.gov.lvliang.renewal.equipment.scope;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import cn.gov.lvliang.renewal.platform.events.directory.DirectoryCounty;
import cn.gov.lvliang.renewal.testing.KafkaTestClient;
import cn.gov.lvliang.renewal.testing.TestTokens;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The county read model (decision 0042): tasks-service's {@code county-changed} events, sent through
 * the real broker, reach {@code organisation_county} at the highest version, and a county officer's
 * claim is checked against it: unknown → 403 {@code unknown-scope}, known once announced; 吕梁新区
 * and development zones are implementing units, not counties a claim may name.
 */
@QuarkusTest
class DirectoryCountiesTest {

    private static final String RECORDS = "/api/equipment/records";
    private static final String CODE = "141197";

    @Test
    void aCountyTheDirectoryAnnouncesBecomesKnownAndKeepsItsNewestName() {
        given().auth()
                .oauth2(TestTokens.countyOfficer(CODE))
                .get(RECORDS)
                .then()
                .statusCode(403)
                .body("type", equalTo("urn:lvliang:renewal:problem:unknown-scope"));

        countyChanged(CODE, "测试县", "COUNTY", "ADDED", 0);
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> given().auth()
                        .oauth2(TestTokens.countyOfficer(CODE))
                        .get(RECORDS)
                        .then()
                        .statusCode(200)
                        .body("total", equalTo(0)));

        countyChanged(CODE, "测试县（更名）", "COUNTY", "RENAMED", 2);
        countyChanged(CODE, "过时的名称", "COUNTY", "RENAMED", 1);
        countyChanged("LLXQ-T", "测试新区", "NEW_DISTRICT", "ADDED", 0);
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(county("LLXQ-T")).isNotNull());
        DirectoryCounty renamed = county(CODE);
        assertThat(renamed.name).isEqualTo("测试县（更名）");
        assertThat(renamed.version).isEqualTo(2);
        given().auth()
                .oauth2(TestTokens.countyOfficer("LLXQ-T"))
                .get(RECORDS)
                .then()
                .statusCode(403)
                .body("type", equalTo("urn:lvliang:renewal:problem:unknown-scope"));
    }

    @Test
    void theThirteenCountiesAreSeeded() {
        long seeded = QuarkusTransaction.requiringNew()
                .call(() -> DirectoryCounty.count("kind = ?1 and code like '1411%'", DirectoryCounty.COUNTY));
        assertThat(seeded).isGreaterThanOrEqualTo(13);
        assertThat(county("141102").name).isEqualTo("离石区");
    }

    private static DirectoryCounty county(String code) {
        return QuarkusTransaction.requiringNew().call(() -> DirectoryCounty.findById(code));
    }

    /** Sends events in key order on one partition, as tasks-service's outbox does for one unit. */
    private static void countyChanged(String code, String name, String kind, String change, int version) {
        KafkaTestClient.send(
                "tasks.events", code, """
                {"specversion":"1.0","id":"%s","source":"/tasks-service",
                 "type":"cn.gov.lvliang.tasks.organisation.county-changed.v1","subject":"%s",
                 "time":"2026-12-05T04:00:00Z","datacontenttype":"application/json",
                 "data":{"code":"%s","name":"%s","kind":"%s","change":"%s","version":%d}}
                """.formatted(UUID.randomUUID(), code, code, name, kind, change, version));
    }
}
