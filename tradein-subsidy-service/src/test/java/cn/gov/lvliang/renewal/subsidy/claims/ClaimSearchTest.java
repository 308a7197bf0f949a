package cn.gov.lvliang.renewal.subsidy.claims;

import static cn.gov.lvliang.renewal.subsidy.Fixtures.CLAIMS;
import static cn.gov.lvliang.renewal.subsidy.Fixtures.applianceClaim;
import static cn.gov.lvliang.renewal.subsidy.Fixtures.carClaim;
import static cn.gov.lvliang.renewal.subsidy.Fixtures.dealer;
import static cn.gov.lvliang.renewal.subsidy.Fixtures.retailer;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.matchesPattern;

import cn.gov.lvliang.renewal.subsidy.Fixtures;
import cn.gov.lvliang.renewal.testing.TestIdentifiers;
import cn.gov.lvliang.renewal.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;

/** 申请查询: search by VIN, invoice, certificate, ID number and phone, within the caller's scope. */
@QuarkusTest
class ClaimSearchTest {

    private static final String SEARCH = CLAIMS + "/search";
    private static final String COUNTY = "141102";

    private static String phone() {
        return "139" + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000));
    }

    /** Files an appliance claim for {@code idNumber} with {@code phone}; returns its id and invoice number. */
    private static String[] fileAppliance(String seller, String idNumber, String phone) {
        Map<String, Object> body =
                applianceClaim("HOME-APPLIANCE", seller, COUNTY, idNumber, "AIR_CONDITIONER", 1, 500_000, "2025-03-01");
        @SuppressWarnings("unchecked")
        Map<String, Object> applicant = (Map<String, Object>) body.get("applicant");
        applicant.put("phone", phone);
        @SuppressWarnings("unchecked")
        String invoice = (String) ((Map<String, Object>) body.get("appliance")).get("invoiceNumber");
        String id = given().auth()
                .oauth2(retailer(seller))
                .contentType(ContentType.JSON)
                .body(body)
                .post(CLAIMS)
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        return new String[] {id, invoice};
    }

    private static RequestSpecification as(String token) {
        return given().auth().oauth2(token);
    }

    @Test
    void findsByIdNumberAndPhoneThroughTheKeyedHashesAndShowsTheApplicantMasked() {
        String seller = TestIdentifiers.creditCode();
        String idNumber = TestIdentifiers.residentId();
        String phone = phone();
        String[] first = fileAppliance(seller, idNumber, phone);
        String[] other = fileAppliance(seller, TestIdentifiers.residentId(), phone());

        as(retailer(seller))
                .header(ClaimSearchResource.ID_NUMBER_HEADER, idNumber)
                .get(SEARCH)
                .then()
                .statusCode(200)
                .body("total", equalTo(1))
                .body("totalExact", equalTo(true))
                .body("items.id", contains(first[0]))
                .body("items.applicant.idNumber", everyItem(matchesPattern("1411\\*{10}.{4}")));
        as(TestTokens.auditor())
                .header(ClaimSearchResource.PHONE_HEADER, phone)
                .get(SEARCH)
                .then()
                .statusCode(200)
                .body("items.id", contains(first[0]));
        as(TestTokens.cityAdmin())
                .queryParam("invoiceNumber", other[1])
                .get(SEARCH)
                .then()
                .statusCode(200)
                .body("items.id", contains(other[0]));
        // criteria combine: this ID number with the other claim's invoice matches nothing
        as(TestTokens.cityAdmin())
                .header(ClaimSearchResource.ID_NUMBER_HEADER, idNumber)
                .queryParam("invoiceNumber", other[1])
                .get(SEARCH)
                .then()
                .statusCode(200)
                .body("total", equalTo(0));
        // the phone is matched by its hash, never stored in the clear
        assertThat(Fixtures.count(
                        "select count(*) from claim where id = ?::uuid and applicant_phone_hash is not null", first[0]))
                .isEqualTo(1);
        assertThat(Fixtures.count(
                        "select count(*) from claim c where id = ?::uuid and row_to_json(c)::text like ?",
                        first[0],
                        "%" + phone + "%"))
                .isZero();
    }

    @Inject
    KeyedHashBackfill backfill;

    @Test
    void claimsFiledBeforeThePhoneHashAreFoundByPhoneOnceTheBackfillHasRun() {
        String seller = TestIdentifiers.creditCode();
        String phone = phone();
        String[] filed = fileAppliance(seller, TestIdentifiers.residentId(), phone);
        Fixtures.execute("update claim set applicant_phone_hash = null where id = ?::uuid", filed[0]);
        as(retailer(seller))
                .header(ClaimSearchResource.PHONE_HEADER, phone)
                .get(SEARCH)
                .then()
                .statusCode(200)
                .body("total", equalTo(0));

        backfill.onStart(null);

        as(retailer(seller))
                .header(ClaimSearchResource.PHONE_HEADER, phone)
                .get(SEARCH)
                .then()
                .statusCode(200)
                .body("items.id", contains(filed[0]));
    }

    @Test
    void findsACarClaimByOldVinNewVinAndCertificateNumber() {
        String seller = TestIdentifiers.creditCode();
        String oldVin = TestIdentifiers.vin();
        String certificate = Fixtures.unique("LL-S-");
        Map<String, Object> body = carClaim(
                "CAR-SCRAPPAGE",
                seller,
                COUNTY,
                TestIdentifiers.residentId(),
                certificate,
                oldVin,
                "NEV",
                "2024-09-28");
        @SuppressWarnings("unchecked")
        String newVin = (String) ((Map<String, Object>) body.get("car")).get("newVin");
        String id = given().auth()
                .oauth2(dealer(seller))
                .contentType(ContentType.JSON)
                .body(body)
                .post(CLAIMS)
                .then()
                .statusCode(201)
                .extract()
                .path("id");

        for (String vin : new String[] {oldVin, newVin}) {
            as(dealer(seller))
                    .queryParam("vin", vin)
                    .get(SEARCH)
                    .then()
                    .statusCode(200)
                    .body("items.id", contains(id));
        }
        as(TestTokens.countyOfficer(COUNTY))
                .queryParam("certificateNumber", certificate)
                .get(SEARCH)
                .then()
                .statusCode(200)
                .body("items.id", contains(id));
    }

    @Test
    void outsideTheCallersScopeNothingIsFound() {
        String seller = TestIdentifiers.creditCode();
        String idNumber = TestIdentifiers.residentId();
        fileAppliance(seller, idNumber, phone());

        as(retailer(TestIdentifiers.creditCode()))
                .header(ClaimSearchResource.ID_NUMBER_HEADER, idNumber)
                .get(SEARCH)
                .then()
                .statusCode(200)
                .body("total", equalTo(0));
        as(TestTokens.countyOfficer("141121"))
                .header(ClaimSearchResource.ID_NUMBER_HEADER, idNumber)
                .get(SEARCH)
                .then()
                .statusCode(200)
                .body("total", equalTo(0));
    }

    @Test
    void withoutACriterionOrWithAMalformedOneTheAnswerIs400() {
        as(TestTokens.cityAdmin()).get(SEARCH).then().statusCode(400).contentType("application/problem+json");
        as(TestTokens.cityAdmin())
                .header(ClaimSearchResource.PHONE_HEADER, "12345")
                .get(SEARCH)
                .then()
                .statusCode(400)
                .contentType("application/problem+json");
        as(TestTokens.cityAdmin())
                .queryParam("vin", "NOTAVIN")
                .get(SEARCH)
                .then()
                .statusCode(400)
                .contentType("application/problem+json");
    }
}
