package cn.gov.lvliang.renewal.recycling.appliances;

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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ApplianceRecordTest {

    private static final String PATH = "/api/recycling/appliance-records";

    private static Map<String, Object> record(String source, String claimId) {
        Map<String, Object> body = new HashMap<>();
        body.put("category", "REFRIGERATOR");
        body.put("count", 1);
        body.put("weightKg", 55.0);
        body.put("source", source);
        body.put("claimId", claimId);
        body.put("recordedOn", Fixtures.today().toString());
        body.put(
                "materials",
                Map.of("steelKg", 30.5, "nonFerrousKg", 4.2, "plasticsKg", 12.0, "glassKg", 1.0, "otherKg", 3.3));
        return body;
    }

    @Test
    void aTradeInCollectionLinksToItsClaimAndIsAnnouncedWithMaterials() {
        String recycler = Fixtures.qualified("RENEWABLE_RESOURCE_RECYCLER", "141122");
        String token = TestTokens.enterprise(Roles.RECYCLER, recycler);
        String recordId = given().auth()
                .oauth2(token)
                .contentType(ContentType.JSON)
                .body(record("TRADE_IN_COLLECTION", "CLM-2025-000123"))
                .post(PATH)
                .then()
                .statusCode(201)
                .body("claimId", equalTo("CLM-2025-000123"))
                .body("county", equalTo("141122"))
                .body("officeEquipment", equalTo(false))
                .extract()
                .path("recordId");

        List<JsonNode> events = Fixtures.events(recordId, RecyclingEvents.APPLIANCE_RECYCLED, 1);
        assertThat(events).hasSize(1);
        JsonNode data = events.get(0).path("data");
        assertThat(data.path("recordId").asText()).isEqualTo(recordId);
        assertThat(data.path("county").asText()).isEqualTo("141122");
        assertThat(data.path("category").asText()).isEqualTo("REFRIGERATOR");
        assertThat(data.path("count").asInt()).isEqualTo(1);
        assertThat(data.path("weightKg").decimalValue()).isEqualByComparingTo("55");
        assertThat(data.path("source").asText()).isEqualTo("TRADE_IN_COLLECTION");
        assertThat(data.path("claimId").asText()).isEqualTo("CLM-2025-000123");
        assertThat(data.path("recordedOn").asText()).isEqualTo(Fixtures.today().toString());
        assertThat(data.path("materials").path("steelKg").decimalValue()).isEqualByComparingTo("30.5");
        assertThat(data.path("materials").path("nonFerrousKg").decimalValue()).isEqualByComparingTo("4.2");

        given().auth()
                .oauth2(TestTokens.countyOfficer("141122"))
                .queryParam("claimId", "CLM-2025-000123")
                .get(PATH)
                .then()
                .statusCode(200)
                .body("items.recordId", hasItem(recordId));
        given().auth()
                .oauth2(TestTokens.enterprise(Roles.RECYCLER, TestIdentifiers.creditCode()))
                .get(PATH + "/" + recordId)
                .then()
                .statusCode(404);
    }

    @Test
    void officeEquipmentOfPublicInstitutionsAndInconsistentRecords() {
        String recycler = Fixtures.qualified("RENEWABLE_RESOURCE_RECYCLER", "141122");
        String token = TestTokens.enterprise(Roles.RECYCLER, recycler);
        Map<String, Object> office = record("PUBLIC_INSTITUTION", null);
        office.put("category", "PRINTER");
        given().auth()
                .oauth2(token)
                .contentType(ContentType.JSON)
                .body(office)
                .post(PATH)
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("institutionCreditCode"));
        office.put("institutionCreditCode", TestIdentifiers.creditCode());
        given().auth()
                .oauth2(token)
                .contentType(ContentType.JSON)
                .body(office)
                .post(PATH)
                .then()
                .statusCode(201)
                .body("officeEquipment", equalTo(true));

        given().auth()
                .oauth2(token)
                .contentType(ContentType.JSON)
                .body(record("DOOR_TO_DOOR", "CLM-1"))
                .post(PATH)
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("claimId"));
        Map<String, Object> heavy = record("DOOR_TO_DOOR", null);
        heavy.put("weightKg", 10);
        given().auth()
                .oauth2(token)
                .contentType(ContentType.JSON)
                .body(heavy)
                .post(PATH)
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("materials"));
    }
}
