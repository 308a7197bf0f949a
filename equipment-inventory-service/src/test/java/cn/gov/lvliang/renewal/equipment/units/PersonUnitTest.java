package cn.gov.lvliang.renewal.equipment.units;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import cn.gov.lvliang.renewal.equipment.Fixtures;
import cn.gov.lvliang.renewal.platform.security.Caller;
import cn.gov.lvliang.renewal.platform.security.Roles;
import cn.gov.lvliang.renewal.testing.SuiteInfrastructure;
import cn.gov.lvliang.renewal.testing.TestIdentifiers;
import cn.gov.lvliang.renewal.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A natural person (农户/个人) as a project unit (issue 21 §1): a farmer with an ID number and no
 * credit code registers an old tractor through the API; the ID number and name are masked in every
 * view and export and never stored in plaintext; the same ID number again is the same unit.
 */
@QuarkusTest
@SuppressWarnings("unchecked")
class PersonUnitTest {

    private static final String COUNTY = "141124";
    private static final String UNITS = "/api/equipment/units";

    static Map<String, Object> farmer(String idNumber, String name) {
        Map<String, Object> body = new HashMap<>();
        body.put("type", "PERSON");
        body.put("idNumber", idNumber);
        body.put("name", name);
        body.put("county", COUNTY);
        return body;
    }

    private static ValidatableResponse post(String token, String path, Object body) {
        return send(token, body).post(path).then();
    }

    private static ValidatableResponse put(String token, String path, Object body) {
        return send(token, body).put(path).then();
    }

    private static RequestSpecification send(String token, Object body) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(body);
    }

    @Test
    void aFarmerRegistersAnOldTractorIsShownMaskedAndIsOneUnitPerIdNumber() throws Exception {
        String idNumber = TestIdentifiers.residentId();
        String masked = idNumber.substring(0, 4) + "**********" + idNumber.substring(14);
        String county = TestTokens.countyOfficer(COUNTY);

        Map<String, Object> unit = post(county, UNITS, farmer(idNumber, "李大壮"))
                .statusCode(201)
                .body("type", equalTo("PERSON"))
                .body("idNumber", equalTo(masked))
                .body("name", equalTo("李**"))
                .body("creditCode", startsWith("ZR" + COUNTY))
                .extract()
                .as(Map.class);
        String unitCode = (String) unit.get("creditCode");
        assertThat(PersonUnitCode.isPersonUnitCode(unitCode)).isTrue();

        // The same person again (another spelling of the name): the same unit, not a second one.
        post(TestTokens.cityAdmin(), UNITS, farmer(idNumber, "李大壮 "))
                .statusCode(200)
                .body("id", equalTo(unit.get("id")))
                .body("creditCode", equalTo(unitCode));
        given().auth()
                .oauth2(TestTokens.cityAdmin())
                .queryParam("q", unitCode)
                .get(UNITS)
                .then()
                .statusCode(200)
                .body("total", equalTo(1));

        Map<String, Object> tractor = Fixtures.equipment(unitCode, "2008-04-01", 10);
        tractor.put("category", "FARM_MACHINERY");
        tractor.put("name", "轮式拖拉机");
        tractor.put("model", "东方红 LX804");
        tractor.put("efficiencyTier", null);
        tractor.put("emissionGrade", null);
        Map<String, Object> record = Fixtures.register(county, tractor);
        assertThat(record.get("unitCreditCode")).isEqualTo(unitCode);

        given().auth()
                .oauth2(county)
                .get(UNITS + "/" + unit.get("id"))
                .then()
                .statusCode(200)
                .body("idNumber", equalTo(masked))
                .body("name", equalTo("李**"));
        // 市农业农村局 reads farm machinery of every county, and so the farmer's unit (masked).
        String farmDepartment = TestTokens.token(Roles.DEPARTMENT_OFFICER, Map.of(Caller.DEPARTMENT_CLAIM, "nyncj"));
        given().auth()
                .oauth2(farmDepartment)
                .get("/api/equipment/records/" + record.get("id"))
                .then()
                .statusCode(200);
        given().auth()
                .oauth2(farmDepartment)
                .get(UNITS + "/" + unit.get("id"))
                .then()
                .statusCode(200)
                .body("idNumber", equalTo(masked));
        given().auth()
                .oauth2(TestTokens.countyOfficer("141182"))
                .get(UNITS + "/" + unit.get("id"))
                .then()
                .statusCode(404);

        String exported = given().auth()
                .oauth2(county)
                .queryParam("format", "csv")
                .queryParam("unitCreditCode", unitCode)
                .get("/api/equipment/lists/old-farm-machinery/export")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        assertThat(exported)
                .contains(unitCode)
                .contains("李**")
                .doesNotContain("李大壮")
                .doesNotContain(idNumber);
        given().auth()
                .oauth2(county)
                .queryParam("unitCreditCode", unitCode)
                .get("/api/equipment/lists/old-farm-machinery")
                .then()
                .statusCode(200)
                .body("items.unitCreditCode", hasItem(unitCode));

        try (Connection c = DriverManager.getConnection(
                        SuiteInfrastructure.postgres().jdbcUrl("app"), "postgres", "postgres");
                PreparedStatement s = c.prepareStatement("select * from project_unit where credit_code = ?")) {
            s.setString(1, unitCode);
            try (ResultSet rs = s.executeQuery()) {
                assertThat(rs.next()).isTrue();
                for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                    assertThat(String.valueOf(rs.getObject(i)))
                            .as(rs.getMetaData().getColumnName(i))
                            .doesNotContain(idNumber)
                            .doesNotContain("李大壮")
                            .doesNotContain("大壮");
                }
            }
        }
    }

    @Test
    void anImportNamesARegisteredPersonByItsUnitCodeAndNeverCreatesOne() {
        String county = TestTokens.countyOfficer(COUNTY);
        String unitCode = (String) post(county, UNITS, farmer(TestIdentifiers.residentId(), "周大福"))
                .statusCode(201)
                .extract()
                .path("creditCode");
        String tag = Fixtures.tag();
        String csv = "统一社会信用代码,单位名称,县（市、区）,单位类型,资产编号,设备名称,数量（台套/公里）,投产时间\n"
                + unitCode + ",周大福,141124,农户/个人," + tag + ",旧拖拉机,1,2005-04-01\n"
                + TestIdentifiers.creditCode() + ",某农机合作社,141124,农户/个人," + Fixtures.tag() + ",旧收割机,1,2006-04-01\n"
                + "ZR1411249999999999,某人,141124,农户/个人," + Fixtures.tag() + ",旧插秧机,1,2007-04-01\n";
        given().auth()
                .oauth2(county)
                .multiPart("file", "farm.csv", csv.getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .queryParam("mode", "ACCEPT_VALID")
                .post("/api/equipment/imports/old-farm-machinery")
                .then()
                .statusCode(200)
                .body("accepted", equalTo(1))
                .body("rejected", equalTo(2))
                .body("errors.row", equalTo(java.util.List.of(3, 4)));
        given().auth()
                .oauth2(county)
                .queryParam("unitCreditCode", unitCode)
                .get("/api/equipment/records")
                .then()
                .statusCode(200)
                .body("items.assetTag", equalTo(java.util.List.of(tag)));
        given().auth()
                .oauth2(county)
                .queryParam("q", unitCode)
                .get(UNITS)
                .then()
                .body("items[0].name", equalTo("周**"));
    }

    @Test
    void aPersonNeedsAnIdNumberAndNoCreditCodeAndAnOrganisationTheReverse() {
        String admin = TestTokens.cityAdmin();
        Map<String, Object> noId = farmer(null, "赵小芳");
        post(admin, UNITS, noId).statusCode(400).body("errors.field", hasItem("idNumber"));
        Map<String, Object> withCredit = farmer(TestIdentifiers.residentId(), "赵小芳");
        withCredit.put("creditCode", TestIdentifiers.creditCode());
        post(admin, UNITS, withCredit).statusCode(400).body("errors.field", hasItem("creditCode"));
        post(admin, UNITS, farmer("141124198001011234", "赵小芳"))
                .statusCode(400)
                .body("errors.field", hasItem("idNumber"));
        Map<String, Object> cooperative = farmer(null, "临县丰收农机专业合作社");
        cooperative.put("type", "ENTERPRISE");
        post(admin, UNITS, cooperative).statusCode(400).body("errors.field", hasItem("creditCode"));
        cooperative.put("creditCode", TestIdentifiers.creditCode());
        post(admin, UNITS, cooperative)
                .statusCode(201)
                .body("idNumber", nullValue())
                .body("name", equalTo("临县丰收农机专业合作社"));
        // An enterprise token never registers a person.
        post(
                        TestTokens.enterprise(Roles.DEALER, TestIdentifiers.creditCode()),
                        UNITS,
                        farmer(TestIdentifiers.residentId(), "钱多多"))
                .statusCode(403);
    }

    @Test
    void aPersonUnitKeepsItsIdNumberOnAChange() {
        String idNumber = TestIdentifiers.residentId();
        String admin = TestTokens.cityAdmin();
        Map<String, Object> unit = post(admin, UNITS, farmer(idNumber, "孙悟空"))
                .statusCode(201)
                .extract()
                .as(Map.class);
        Map<String, Object> change = farmer(idNumber, "孙悟空");
        change.put("county", "141125");
        change.put("version", 0);
        put(admin, UNITS + "/" + unit.get("id"), change)
                .statusCode(200)
                .body("county", equalTo("141125"))
                .body("creditCode", equalTo(unit.get("creditCode")));
        change.put("idNumber", TestIdentifiers.residentId());
        change.put("version", 1);
        put(admin, UNITS + "/" + unit.get("id"), change).statusCode(400).body("errors.field", hasItem("idNumber"));
    }

    /**
     * Clerks at two desks register the same new farmer at the same moment (eight requests released
     * together): one unit, one 201, every other answer the same unit with 200; never a 500 from the
     * unique hash and never a second unit.
     */
    @Test
    void clerksRegisteringOneNewPersonAtOnceGetOneUnit() throws Exception {
        String idNumber = TestIdentifiers.residentId();
        int requests = 8;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(requests);
        try {
            List<Future<Response>> answers = new ArrayList<>();
            for (int i = 0; i < requests; i++) {
                String clerk = TestTokens.token(
                        "clerk-" + (i % 2) + "@" + COUNTY, Roles.COUNTY_OFFICER, Map.of(Caller.COUNTY_CLAIM, COUNTY));
                answers.add(pool.submit(() -> {
                    start.await();
                    return send(clerk, farmer(idNumber, "周大福")).post(UNITS);
                }));
            }
            start.countDown();
            List<Integer> statuses = new ArrayList<>();
            Set<Object> units = new HashSet<>();
            for (Future<Response> answer : answers) {
                Response response = answer.get(60, TimeUnit.SECONDS);
                statuses.add(response.statusCode());
                units.add(response.jsonPath().get("id"));
            }
            assertThat(statuses).as("answers").containsOnly(200, 201).containsOnlyOnce(201);
            assertThat(units).as("units answered").hasSize(1);
        } finally {
            pool.shutdownNow();
        }
    }
}
