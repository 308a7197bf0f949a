package cn.gov.lvliang.renewal.recycling.batteries;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;

import cn.gov.lvliang.renewal.platform.security.Roles;
import cn.gov.lvliang.renewal.recycling.Fixtures;
import cn.gov.lvliang.renewal.recycling.messaging.RecyclingEvents;
import cn.gov.lvliang.renewal.testing.TestIdentifiers;
import cn.gov.lvliang.renewal.testing.TestTokens;
import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;

/** The chain of custody dismantler → cascade-use enterprise → recycler, and what it refuses. */
@QuarkusTest
class BatteryChainTest {

    private static final String PATH = "/api/recycling/batteries";

    static String packCode() {
        String chars = "0123456789ABCDEFGHJKLMNPQRSTUVWXYZ";
        StringBuilder code = new StringBuilder("03HPB");
        while (code.length() < 24) {
            code.append(chars.charAt(ThreadLocalRandom.current().nextInt(chars.length())));
        }
        return code.toString();
    }

    private static Map<String, Object> handover(String to, Instant at) {
        return Map.of("toCreditCode", to, "handedOverAt", at.toString(), "stateOfHealthPercent", 80);
    }

    @Test
    void aPackHandedOverDismantlerToCascadeUseToRecyclerShowsTheFullSignedChain() {
        String dismantler = Fixtures.qualified("DISMANTLER", "141181");
        String cascade = Fixtures.qualified("CASCADE_USE", "141182");
        String recycler = Fixtures.qualified("BATTERY_RECYCLER", "141102");
        String dismantlerToken = TestTokens.enterprise(Roles.DISMANTLER, dismantler);
        String cascadeToken = TestTokens.enterprise(Roles.CASCADE_USER, cascade);
        String recyclerToken = TestTokens.enterprise(Roles.RECYCLER, recycler);
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        String code = packCode();

        given().auth()
                .oauth2(dismantlerToken)
                .contentType(ContentType.JSON)
                .body(Map.of(
                        "packCode",
                        code,
                        "sourceVin",
                        TestIdentifiers.vin(),
                        "stateOfHealthPercent",
                        85,
                        "receivedAt",
                        now.minus(10, ChronoUnit.DAYS).toString()))
                .post(PATH)
                .then()
                .statusCode(201)
                .body("status", equalTo("ORIGINAL"))
                .body("holderCreditCode", equalTo(dismantler))
                .body("county", equalTo("141181"));

        given().auth()
                .oauth2(dismantlerToken)
                .contentType(ContentType.JSON)
                .body(handover(cascade, now.minus(5, ChronoUnit.DAYS)))
                .post(PATH + "/" + code + "/handovers")
                .then()
                .statusCode(200)
                .body("holderCreditCode", equalTo(cascade));

        // the dismantler no longer holds it: 409
        given().auth()
                .oauth2(dismantlerToken)
                .contentType(ContentType.JSON)
                .body(handover(recycler, now.minus(4, ChronoUnit.DAYS)))
                .post(PATH + "/" + code + "/handovers")
                .then()
                .statusCode(409)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:lvliang:renewal:problem:not-the-holder"));
        // an enterprise that never held it: 409 as well
        given().auth()
                .oauth2(recyclerToken)
                .contentType(ContentType.JSON)
                .body(handover(cascade, now.minus(4, ChronoUnit.DAYS)))
                .post(PATH + "/" + code + "/handovers")
                .then()
                .statusCode(409)
                .body("type", equalTo("urn:lvliang:renewal:problem:not-the-holder"));
        // the holder, back-dated before the previous signature: 400 naming the field
        given().auth()
                .oauth2(cascadeToken)
                .contentType(ContentType.JSON)
                .body(handover(recycler, now.minus(6, ChronoUnit.DAYS)))
                .post(PATH + "/" + code + "/handovers")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItem("handedOverAt"));

        given().auth()
                .oauth2(cascadeToken)
                .contentType(ContentType.JSON)
                .body(handover(recycler, now.minus(2, ChronoUnit.DAYS)))
                .post(PATH + "/" + code + "/handovers")
                .then()
                .statusCode(200)
                .body("holderCreditCode", equalTo(recycler));

        String json = given().auth()
                .oauth2(TestTokens.countyOfficer("141181"))
                .get(PATH + "/" + code)
                .then()
                .statusCode(200)
                .body("handovers", hasSize(2))
                .body("handovers[0].sequence", equalTo(1))
                .body("handovers[0].fromCreditCode", equalTo(dismantler))
                .body("handovers[0].toCreditCode", equalTo(cascade))
                .body("handovers[1].sequence", equalTo(2))
                .body("handovers[1].fromCreditCode", equalTo(cascade))
                .body("handovers[1].toCreditCode", equalTo(recycler))
                .body("chainIntact", equalTo(true))
                .extract()
                .asString();
        JsonPath chain = JsonPath.from(json);
        assertThat(chain.getString("handovers[0].previousSignature"))
                .isEqualTo(chain.getString("registrationSignature"));
        assertThat(chain.getString("handovers[1].previousSignature"))
                .isEqualTo(chain.getString("handovers[0].signature"));
        assertThat(chain.getString("handovers[1].signature")).hasSize(64);

        // every party of the chain reads it; an outsider and another county do not
        given().auth().oauth2(dismantlerToken).get(PATH + "/" + code).then().statusCode(200);
        given().auth().oauth2(recyclerToken).get(PATH + "/" + code).then().statusCode(200);
        given().auth()
                .oauth2(TestTokens.enterprise(Roles.RECYCLER, TestIdentifiers.creditCode()))
                .get(PATH + "/" + code)
                .then()
                .statusCode(404);
        given().auth()
                .oauth2(TestTokens.countyOfficer("141102"))
                .get(PATH + "/" + code)
                .then()
                .statusCode(404);

        List<JsonNode> events = Fixtures.events(code, RecyclingEvents.BATTERY_HANDED_OVER, 2);
        assertThat(events).hasSize(2);
        assertThat(events.get(0).path("data").path("sequence").asInt()).isEqualTo(1);
        assertThat(events.get(1).path("data").path("toCreditCode").asText()).isEqualTo(recycler);
        assertThat(events.get(1).path("data").path("signature").asText())
                .isEqualTo(chain.getString("handovers[1].signature"));
    }

    @Test
    void aRepurposedPackIsANewRecordLinkingToTheClosedOriginal() {
        String dismantler = Fixtures.qualified("DISMANTLER", "141181");
        String cascade = Fixtures.qualified("CASCADE_USE", "141181");
        String dismantlerToken = TestTokens.enterprise(Roles.DISMANTLER, dismantler);
        String cascadeToken = TestTokens.enterprise(Roles.CASCADE_USER, cascade);
        Instant now = Instant.now();
        String original = packCode();
        String repurposed = packCode();
        given().auth()
                .oauth2(dismantlerToken)
                .contentType(ContentType.JSON)
                .body(Map.of(
                        "packCode",
                        original,
                        "sourceVin",
                        TestIdentifiers.vin(),
                        "stateOfHealthPercent",
                        85,
                        "receivedAt",
                        now.minus(3, ChronoUnit.DAYS).toString()))
                .post(PATH)
                .then()
                .statusCode(201);
        given().auth()
                .oauth2(dismantlerToken)
                .contentType(ContentType.JSON)
                .body(handover(cascade, now.minus(1, ChronoUnit.DAYS)))
                .post(PATH + "/" + original + "/handovers")
                .then()
                .statusCode(200);

        given().auth()
                .oauth2(cascadeToken)
                .contentType(ContentType.JSON)
                .body(Map.of("newPackCode", repurposed, "stateOfHealthPercent", 78))
                .post(PATH + "/" + original + "/repurposing")
                .then()
                .statusCode(201)
                .body("packCode", equalTo(repurposed))
                .body("status", equalTo("REPURPOSED"))
                .body("originalPackCode", equalTo(original))
                .body("holderCreditCode", equalTo(cascade));
        given().auth()
                .oauth2(cascadeToken)
                .get(PATH + "/" + original)
                .then()
                .statusCode(200)
                .body("successorPackCode", equalTo(repurposed));
        // the original is closed
        given().auth()
                .oauth2(cascadeToken)
                .contentType(ContentType.JSON)
                .body(handover(dismantler, now))
                .post(PATH + "/" + original + "/handovers")
                .then()
                .statusCode(409)
                .body("type", equalTo("urn:lvliang:renewal:problem:battery-closed"));
        // the new pack moves on; waste is final
        given().auth()
                .oauth2(cascadeToken)
                .contentType(ContentType.JSON)
                .body(Map.of("status", "WASTE"))
                .put(PATH + "/" + repurposed + "/status")
                .then()
                .statusCode(200)
                .body("status", equalTo("WASTE"));
        given().auth()
                .oauth2(cascadeToken)
                .contentType(ContentType.JSON)
                .body(Map.of("status", "REUSED"))
                .put(PATH + "/" + repurposed + "/status")
                .then()
                .statusCode(409);
    }

    @Test
    void badPackCodesAndUnknownRecipientsAre400() {
        String dismantler = Fixtures.qualified("DISMANTLER", "141181");
        String token = TestTokens.enterprise(Roles.DISMANTLER, dismantler);
        given().auth()
                .oauth2(token)
                .contentType(ContentType.JSON)
                .body(Map.of(
                        "packCode",
                        "short",
                        "sourceVin",
                        TestIdentifiers.vinWithWrongCheckDigit(),
                        "stateOfHealthPercent",
                        101,
                        "receivedAt",
                        Instant.now().toString()))
                .post(PATH)
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("packCode"))
                .body("errors.field", hasItem("sourceVin"))
                .body("errors.field", hasItem("stateOfHealthPercent"));
        String code = packCode();
        given().auth()
                .oauth2(token)
                .contentType(ContentType.JSON)
                .body(Map.of(
                        "packCode",
                        code,
                        "sourceVin",
                        TestIdentifiers.vin(),
                        "stateOfHealthPercent",
                        90,
                        "receivedAt",
                        Instant.now().minus(1, ChronoUnit.DAYS).toString()))
                .post(PATH)
                .then()
                .statusCode(201);
        given().auth()
                .oauth2(token)
                .contentType(ContentType.JSON)
                .body(handover(TestIdentifiers.creditCode(), Instant.now()))
                .post(PATH + "/" + code + "/handovers")
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("toCreditCode"));
        given().auth()
                .oauth2(token)
                .contentType(ContentType.JSON)
                .body(handover(dismantler, Instant.now().plus(1, ChronoUnit.DAYS)))
                .post(PATH + "/" + code + "/handovers")
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("handedOverAt"));
    }
}
