package cn.gov.lvliang.renewal.console.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;

/**
 * The console's frame against a stub gateway: sign-in and its cookie, the plain 403 and 404 pages,
 * the version-conflict reload, an API field error at its field, and the language switch.
 */
@QuarkusTest
@QuarkusTestResource(StubGateway.class)
class PagesTest {

    private static RequestSpecification console() {
        return given().basePath("").redirects().follow(false);
    }

    private static String signedIn(String role) {
        return "console_session=" + StubGateway.token(role);
    }

    @Test
    void withoutASessionEveryScreenGoesToSignIn() {
        console().get("/console/").then().statusCode(303).header("Location", endsWith("/console/sign-in"));
        console().get("/console/workbench").then().statusCode(303).header("Location", endsWith("/console/sign-in"));
    }

    @Test
    void signingInKeepsTheTokenInAStrictHttpOnlyCookie() {
        console()
                .formParam("role", "reviewer")
                .formParam("scope", "")
                .post("/console/sign-in")
                .then()
                .statusCode(303)
                .header("Location", endsWith("/console/"))
                .header("Set-Cookie", containsString("console_session="))
                .header("Set-Cookie", containsString("HTTPOnly"))
                .header("Set-Cookie", containsString("SameSite=Strict"))
                .header("Set-Cookie", containsString("Path=/console"));
    }

    @Test
    void aRefusedScopeIsShownAtTheScopeField() {
        console()
                .formParam("role", "county-officer")
                .formParam("scope", "")
                .post("/console/sign-in")
                .then()
                .statusCode(400)
                .body(containsString("<p class=\"error\" id=\"scope-error\">县级经办人员须有县代码</p>"))
                .body(containsString("aria-invalid=\"true\""));
    }

    @Test
    void theDeskShowsEachServicesResponsibilityAndNotAvailableWhereAServiceRefuses() {
        console()
                .header("Cookie", "console_session=" + StubGateway.token("department-officer", StubGateway.DEPARTMENT))
                .get("/console/desk")
                .then()
                .statusCode(200)
                .body(containsString("<tr id=\"responsibility-subsidies\" data-available=\"true\">"))
                .body(containsString("补贴项目类别：HOME_APPLIANCE、CAR_SCRAPPAGE"))
                // 403 from the equipment service, 404 from the recycling service: not available, no error page
                .body(containsString("<tr id=\"responsibility-equipment\" data-available=\"false\">"))
                .body(containsString("<tr id=\"responsibility-recycling\" data-available=\"false\">"))
                .body(containsString("暂不可用"));
    }

    @Test
    void theClaimsChartIsDrawnFromTheServicesMonthlyTotals() {
        console()
                .header("Cookie", signedIn("statistics-bureau"))
                .get("/console/dashboard/charts/claims")
                .then()
                .statusCode(200)
                .body("columns", contains("补贴项目", "月份", "申请数", "申请金额（元）", "已支付（元）"))
                .body(containsString("\"rows\":[[\"CAR-SCRAPPAGE\",\"2026-04\",2,40000.00,20000.00],"
                        + "[\"HOME-APPLIANCE\",\"2026-03\",3,1500.00,500.00],"
                        + "[\"HOME-APPLIANCE\",\"2026-04\",1,200.00,0.00]]"))
                .body("option.xAxis.data", contains("2026-03", "2026-04"))
                // a programme without claims in a month draws 0 there
                .body("option.series[0].name", equalTo("CAR-SCRAPPAGE · 申请数"))
                .body("option.series[0].data", contains(0, 2))
                .body("option.series[2].data", contains(3, 1));
        console()
                .header("Cookie", signedIn("statistics-bureau"))
                .get("/console/dashboard/charts/claims.xlsx")
                .then()
                .statusCode(200)
                .contentType(containsString("spreadsheetml"));
        // an error of the service is the chart's notice, not an error page
        console()
                .header("Cookie", signedIn("auditor"))
                .get("/console/dashboard/charts/claims")
                .then()
                .statusCode(200)
                .body("option", nullValue())
                .body("notice", equalTo("数据暂时无法读取（503）。"));
    }

    @Test
    void anotherRolesScreenIsAPlain403Page() {
        console()
                .header("Cookie", signedIn("reviewer"))
                .get("/console/dashboard")
                .then()
                .statusCode(403)
                .body(containsString("<h1>无权访问</h1>"));
    }

    @Test
    void aClaimTheApiDoesNotKnowIsAPlain404Page() {
        console()
                .header("Cookie", signedIn("reviewer"))
                .get("/console/workbench/claims/" + StubGateway.MISSING_CLAIM)
                .then()
                .statusCode(404)
                .body(containsString("<h1>未找到</h1>"))
                .body(containsString(StubGateway.MISSING_CLAIM));
    }

    @Test
    void aStaleDecisionReloadsTheClaimWithTheConflictNotice() {
        console()
                .header("Cookie", signedIn("reviewer"))
                .formParam("action", "approve")
                .formParam("version", "3")
                .post("/console/workbench/claims/" + StubGateway.STALE_CLAIM + "/decision")
                .then()
                .statusCode(303)
                .header(
                        "Location",
                        endsWith("/console/workbench/claims/" + StubGateway.STALE_CLAIM + "?notice=conflict"));
    }

    @Test
    void theCounterListsTheEvidenceAndItsCompletenessWithAnUploadFieldPerKind() {
        console()
                .header("Cookie", signedIn("county-officer"))
                .get("/console/counter/claims/" + StubGateway.EVIDENCE_CLAIM)
                .then()
                .statusCode(200)
                .body(containsString("<tr id=\"kind-PRODUCT_PHOTO\" data-state=\"MISSING\">"))
                .body(containsString("<input type=\"file\" id=\"file-PRODUCT_PHOTO\" name=\"file\""))
                .body(containsString("href=\"/console/claims/" + StubGateway.EVIDENCE_CLAIM + "/evidence/"
                        + StubGateway.DOCUMENT + "\""));
    }

    @Test
    void anUploadTheServiceRefusesIsShownAtItsFileField() {
        console()
                .header("Cookie", signedIn("county-officer"))
                .multiPart("kind", "PRODUCT_PHOTO")
                .multiPart("file", "note.txt", "not a picture".getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .post("/console/counter/claims/" + StubGateway.EVIDENCE_CLAIM + "/evidence")
                .then()
                .statusCode(415)
                .body(containsString("aria-invalid=\"true\""))
                .body(containsString(
                        "<p class=\"error\" id=\"file-PRODUCT_PHOTO-error\">只接受 PDF、JPEG、PNG、OFD 或数电票 XML</p>"));
    }

    @Test
    void aFileOverTheLimitIsShownAtItsFileField() {
        console()
                .header("Cookie", signedIn("county-officer"))
                .multiPart("kind", "BANK_ACCOUNT")
                .multiPart("file", "big.pdf", "%PDF-1.4".getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .post("/console/counter/claims/" + StubGateway.EVIDENCE_CLAIM + "/evidence")
                .then()
                .statusCode(413)
                .body(containsString("<p class=\"error\" id=\"file-BANK_ACCOUNT-error\">文件超过 10 MB</p>"));
    }

    @Test
    void aPdfIsHandedToTheBrowserInline() {
        console()
                .header("Cookie", signedIn("reviewer"))
                .get("/console/claims/" + StubGateway.EVIDENCE_CLAIM + "/evidence/" + StubGateway.DOCUMENT)
                .then()
                .statusCode(200)
                .header("Content-Type", "application/pdf")
                .header("Content-Disposition", containsString("inline"))
                .body(containsString("%PDF-1.4"));
    }

    @Test
    void anApprovalWithEvidenceMissingSaysWhichKindsOnTheClaimPage() {
        console()
                .header("Cookie", signedIn("reviewer"))
                .formParam("action", "approve")
                .formParam("version", "2")
                .post("/console/workbench/claims/" + StubGateway.EVIDENCE_CLAIM + "/decision")
                .then()
                .statusCode(409)
                .body(containsString(
                        "<p class=\"alert\" role=\"alert\" id=\"decision-error\">申请缺少以下材料：PRODUCT_PHOTO。</p>"))
                .body(containsString("id=\"waive-PRODUCT_PHOTO\""));
    }

    @Test
    void theLanguageSwitchSetsItsCookieAndGoesBackOnlyWithinTheConsole() {
        console()
                .get("/console/language?to=en&back=/console/sign-in")
                .then()
                .statusCode(303)
                .header("Location", endsWith("/console/sign-in"))
                .header("Set-Cookie", containsString("console_lang=en"));
        console()
                .get("/console/language?to=en&back=https://example.invalid/")
                .then()
                .statusCode(303)
                .header("Location", endsWith("/console/"))
                .header("Location", not(containsString("example.invalid")));
        console()
                .header("Cookie", "console_lang=en")
                .get("/console/sign-in")
                .then()
                .statusCode(200)
                .body(containsString("<html lang=\"en\">"))
                .body(containsString("Sign in (local development)"));
    }
}
