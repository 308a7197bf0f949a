package cn.gov.lvliang.renewal.equipment.lists;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;

import cn.gov.lvliang.renewal.platform.security.Roles;
import cn.gov.lvliang.renewal.testing.TestIdentifiers;
import cn.gov.lvliang.renewal.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ListResourceTest {

    @Test
    void everyListDescribesItsOwnColumns() {
        given().auth()
                .oauth2(TestTokens.auditor())
                .get("/api/equipment/lists")
                .then()
                .statusCode(200)
                .body("kind", hasItem("old-diesel-trucks"))
                .body("find { it.kind == 'renewal-demand' }.columns.key", hasItem("renewalInvestmentFen"))
                .body("find { it.kind == 'retirement' }.columns.header", hasItem("法规依据"))
                .body(
                        "find { it.kind == 'retirement' }.columns.find { it.key == 'retirementPlannedOn' }.required",
                        equalTo(true));
        given().auth()
                .oauth2(TestTokens.auditor())
                .get("/api/equipment/lists/nope")
                .then()
                .statusCode(404);
    }

    @Test
    void oldDieselTrucksImportedFromCsvLandOnTheirListWithTheCategoryImplied() throws java.io.IOException {
        String header = String.join(
                ",",
                List.of(
                        "统一社会信用代码",
                        "单位名称",
                        "县（市、区）",
                        "重点领域",
                        "单位类型",
                        "资产编号",
                        "设备名称",
                        "规格型号",
                        "车辆类型",
                        "燃料类型",
                        "排放标准",
                        "是否营运",
                        "特种设备使用登记证编号",
                        "投产时间",
                        "原值（元）"));
        String credit = TestIdentifiers.creditCode();
        String csv = header + "\n"
                + credit + ",柳林县某物流有限公司,柳林县,,运营单位,晋J12345,重型货车,HOWO,货车,柴油,国四,是,,2014-05-01,320000\n"
                + credit + ",柳林县某物流有限公司,柳林县,,运营单位,晋J54321,重型货车,HOWO,货车,柴油,国六,是,,2021-05-01,420000\n";
        given().auth()
                .oauth2(TestTokens.countyOfficer("141125"))
                .multiPart("file", "trucks.csv", csv.getBytes(StandardCharsets.UTF_8))
                .queryParam("mode", "REJECT_FILE")
                .post("/api/equipment/imports/old-diesel-trucks")
                .then()
                .statusCode(200)
                .body("status", equalTo("COMPLETED"))
                .body("accepted", equalTo(2));
        given().auth()
                .oauth2(TestTokens.enterprise(Roles.DEALER, credit))
                .get("/api/equipment/lists/old-diesel-trucks")
                .then()
                .statusCode(200)
                .body("total", equalTo(1))
                .body("items[0].assetTag", equalTo("晋J12345"))
                .body("items[0].vehicleEmissionStandard", equalTo("CN4"))
                .body("items[0].flags", containsString("OLD_DIESEL_TRUCK"));
        given().auth()
                .oauth2(TestTokens.cityAdmin())
                .get("/api/equipment/records?unitCreditCode=" + credit + "&category=VEHICLE")
                .then()
                .body("total", equalTo(2));
        String exported = given().auth()
                .oauth2(TestTokens.countyOfficer("141125"))
                .queryParam("format", "csv")
                .queryParam("unitCreditCode", credit)
                .get("/api/equipment/lists/old-diesel-trucks/export")
                .then()
                .statusCode(200)
                .contentType(containsString("text/csv"))
                .header(
                        "Content-Disposition",
                        containsString("filename=\"old-diesel-trucks-list-"
                                + java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")) + ".csv\""))
                .extract()
                .asString();
        org.assertj.core.api.Assertions.assertThat(exported)
                .contains("国四")
                .contains("柳林县")
                .contains("320000.00")
                .doesNotContain("国六");
        // The XLSX declares its real size (header + one truck), which read-only readers trust.
        byte[] xlsx = given().auth()
                .oauth2(TestTokens.countyOfficer("141125"))
                .queryParam("unitCreditCode", credit)
                .get("/api/equipment/lists/old-diesel-trucks/export")
                .then()
                .statusCode(200)
                .extract()
                .asByteArray();
        String lastColumn =
                XlsxWriter.columnLetters(ListKind.OLD_DIESEL_TRUCKS.columns().size() - 1);
        org.assertj.core.api.Assertions.assertThat(XlsxWriterTest.entry(xlsx, "xl/worksheets/sheet1.xml"))
                .contains("<dimension ref=\"A1:" + lastColumn + "2\"/>");
    }

    @Test
    void aDepartmentOfficerSeesOnlyItsCategoriesInAList() {
        String credit = TestIdentifiers.creditCode();
        given().auth()
                .oauth2(TestTokens.cityAdmin())
                .contentType(ContentType.JSON)
                .body(Map.of("creditCode", credit, "name", "某医院", "county", "141102", "type", "HOSPITAL"))
                .post("/api/equipment/units")
                .then()
                .statusCode(201);
        for (String category : List.of("MEDICAL", "ELEVATOR")) {
            given().auth()
                    .oauth2(TestTokens.cityAdmin())
                    .contentType(ContentType.JSON)
                    .body(Map.of(
                            "unitCreditCode", credit,
                            "assetTag", category,
                            "name", category,
                            "category", category,
                            "quantity", 1,
                            "commissionedOn", "2016-01-01",
                            "registrationCode", "梯11晋J0009"))
                    .post("/api/equipment/records")
                    .then()
                    .statusCode(201);
        }
        given().auth()
                .oauth2(TestTokens.token(Roles.DEPARTMENT_OFFICER, Map.of("department", "wjw")))
                .get("/api/equipment/lists/status?unitCreditCode=" + credit)
                .then()
                .statusCode(200)
                .body("items", hasSize(1))
                .body("items[0].category", equalTo("MEDICAL"));
    }

    @Test
    void theOpenApiDocumentDescribesTheImportAndTheLists() {
        given().get("/q/openapi?format=json")
                .then()
                .statusCode(200)
                .body("paths", org.hamcrest.Matchers.hasKey("/api/equipment/imports"))
                .body("paths", org.hamcrest.Matchers.hasKey("/api/equipment/lists/{kind}/export"))
                .body("paths.'/api/equipment/records/{id}/retirement'.post.summary", containsString("淘汰"));
    }
}
