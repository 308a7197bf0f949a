package cn.gov.lvliang.renewal.system;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.lvliang.renewal.devstack.App;
import cn.gov.lvliang.renewal.devstack.Chromium;
import cn.gov.lvliang.renewal.devstack.DevStack;
import cn.gov.lvliang.renewal.devstack.Options;
import cn.gov.lvliang.renewal.infra.Directories;
import io.restassured.http.ContentType;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import javax.imageio.ImageIO;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The web console in a real browser: Debian's headless Chromium driven by Selenium through the
 * gateway of one suite started for the whole class (the services, the gateway and the console).
 * It signs in as each kind of user, reads the dashboard's charts back from ECharts, files a claim
 * through the counter's form (a wrong ID number first) and uploads its evidence there (a text file
 * first), approves it on the workbench as a reviewer who did not file it (refused while a kind of
 * evidence is missing, which the reviewer then waives), opens a screen the role may not see, and
 * fills the equipment list's template with a row the service refuses. axe-core checks each of the
 * five screens for serious and critical violations. Each screen is photographed at
 * 1366×768 into {@code console.screenshots} (docs/console/ keeps the committed ones).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ConsoleBrowserIT {

    private static final String COUNTY = "141124";
    private static final String INDICATOR = "OLD_COMPOUNDS_RENOVATED";

    private static DevStack suite;
    private static String gateway;
    private static WebDriver browser;
    private static Path userData;
    private static Path screenshots;
    private static String claimId;
    private static Path evidenceFiles;

    @BeforeAll
    static void startTheSuiteAndTheBrowser() throws Exception {
        Path root = Path.of(System.getProperty("suite.root", "..")).toAbsolutePath();
        Path state = Files.createTempDirectory("console-browser-suite");
        System.out.println("Console browser test suite state (logs, data): " + state);
        suite = DevStack.start(Options.defaults(root)
                .withApps(App.WITH_CONSOLE)
                .withFreePorts()
                .withStateDirectory(state));
        gateway = suite.gatewayUrl();
        seed();
        screenshots = Path.of(System.getProperty("console.screenshots", "target/console-screenshots"));
        Files.createDirectories(screenshots);
        evidenceFiles = Files.createTempDirectory("console-evidence");
        browser = chromium();
    }

    /**
     * What the dashboard shows: a manual indicator's values in two counties, and a budget allocation;
     * and the department the desk is tried with, in the organisation directory as the city adds one
     * (no plan is imported here).
     */
    private static void seed() {
        String admin = SuiteRequests.devToken(gateway, Map.of("role", "city-admin"));
        given().baseUri(gateway)
                .auth()
                .oauth2(admin)
                .contentType(ContentType.JSON)
                .body(Map.of("code", "swj", "name", "市商务局", "kind", "DEPARTMENT"))
                .post("/api/tasks/departments")
                .then()
                .statusCode(201);
        given().baseUri(gateway)
                .auth()
                .oauth2(admin)
                .contentType(ContentType.JSON)
                .body(Map.of("value", 120))
                .put("/api/tasks/indicators/" + INDICATOR + "/values/" + COUNTY + "/2026-10")
                .then()
                .statusCode(200);
        given().baseUri(gateway)
                .auth()
                .oauth2(admin)
                .contentType(ContentType.JSON)
                .body(Map.of("value", 80))
                .put("/api/tasks/indicators/" + INDICATOR + "/values/141102/2026-10")
                .then()
                .statusCode(200);
        given().baseUri(gateway)
                .auth()
                .oauth2(admin)
                .contentType(ContentType.JSON)
                // split by the programme's funding shares: 90 % central, 5 % provincial, 2.5 % city and county
                .body(Map.of("programmeId", "HOME-APPLIANCE", "county", COUNTY, "amountFen", 50_000_000L))
                .post("/api/subsidies/budget/allocations")
                .then()
                .statusCode(201);
    }

    /** Debian's chromium and chromium-driver (installed by .ci/run); no driver download. */
    private static WebDriver chromium() throws IOException {
        userData = Files.createTempDirectory("console-chromium");
        return Chromium.start(userData);
    }

    @AfterAll
    static void stopEverything() {
        if (browser != null) {
            browser.quit();
        }
        SuiteState.stop(suite);
        if (userData != null) {
            Directories.deleteRecursively(userData);
        }
        if (evidenceFiles != null) {
            Directories.deleteRecursively(evidenceFiles);
        }
    }

    @Test
    @Order(1)
    void signInPageIsChineseAndSwitchesToEnglish() {
        open("/console/");
        assertThat(browser.getCurrentUrl()).endsWith("/console/sign-in");
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("登录（本地开发）");
        assertThat(browser.findElement(By.cssSelector("label[for=role]")).getText())
                .isEqualTo("角色");
        screenshot("sign-in");
        clickAndAwaitTheNextPage(browser.findElement(By.linkText("English")));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Sign in (local development)");
        clickAndAwaitTheNextPage(browser.findElement(By.linkText("中文")));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("登录（本地开发）");
    }

    @Test
    @Order(2)
    void leadershipDashboardDrawsTheSuitesData() throws Exception {
        signIn("city-admin", "", "");
        assertThat(browser.getCurrentUrl()).endsWith("/console/");
        clickAndAwaitTheNextPage(browser.findElement(By.linkText("领导驾驶舱")));
        awaitCharts();
        new Select(browser.findElement(By.id("indicator"))).selectByValue(INDICATOR);
        // the page it leaves had its charts done too
        clickAndAwaitTheNextPage(browser.findElement(By.cssSelector("form.filters button")));
        awaitCharts();
        assertThat(js("return document.getElementById('chart-counties').dataset.drawn"))
                .isEqualTo("true");
        // the counties chart: 13 counties, 临县 120 and 离石区 80 as entered through the API
        List<?> counties = (List<?>) js("return echarts.getInstanceByDom(document.getElementById('chart-counties'))"
                + ".getOption().xAxis[0].data");
        List<?> actual = (List<?>) js("return echarts.getInstanceByDom(document.getElementById('chart-counties'))"
                + ".getOption().series[0].data");
        assertThat(counties).hasSize(13);
        assertThat(((Number) actual.get(counties.indexOf("临县"))).doubleValue()).isEqualTo(120.0);
        assertThat(((Number) actual.get(counties.indexOf("离石区"))).doubleValue()).isEqualTo(80.0);
        // the indicator chart: the city's actual value now is the counties' sum, its points in time order
        List<?> cityActual = (List<?>) js("return echarts.getInstanceByDom(document.getElementById('chart-indicator'))"
                + ".getOption().series[1].data");
        assertThat(cityActual.stream()
                        .filter(v -> v != null)
                        .map(v -> ((Number) v).doubleValue())
                        .toList())
                .contains(200.0);
        List<?> points = (List<?>) js("return echarts.getInstanceByDom(document.getElementById('chart-indicator'))"
                + ".getOption().xAxis[0].data");
        assertThat(points.stream().map(String::valueOf).toList()).isSorted();
        // the budget chart: 临县's central share of the 500,000-yuan allocation
        List<?> budgetSeries = (List<?>) js("return echarts.getInstanceByDom(document.getElementById('chart-budget'))"
                + ".getOption().series.map(s => s.name + '=' + s.data.join(','))");
        assertThat(budgetSeries)
                .anySatisfy(s -> assertThat((String) s).startsWith("CENTRAL").endsWith("=450000"));
        screenshot("dashboard");
        assertAccessible("dashboard");

        HttpResponse<byte[]> xlsx = download("/console/dashboard/charts/counties.xlsx?indicator=" + INDICATOR);
        assertThat(xlsx.statusCode()).isEqualTo(200);
        assertThat(xlsx.headers().firstValue("Content-Type").orElse(""))
                .startsWith("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        assertThat(new String(xlsx.body(), 0, 2)).isEqualTo("PK");
        signOut();
    }

    @Test
    @Order(3)
    void statisticsBureauAndAuditorSeeTheDashboardWithinTheirRoles() {
        signIn("statistics-bureau", "", "");
        open("/console/dashboard?indicator=" + INDICATOR);
        awaitCharts();
        assertThat(browser.findElement(By.id("notice-budget")).getText()).isEqualTo("你的角色不能查看这项数据。");
        assertThat(js("return document.getElementById('chart-counties').dataset.drawn"))
                .isEqualTo("true");
        signOut();
        signIn("auditor", "", "");
        open("/console/dashboard?indicator=" + INDICATOR);
        awaitCharts();
        assertThat(js("return document.getElementById('chart-budget').dataset.drawn"))
                .isEqualTo("true");
        signOut();
    }

    @Test
    @Order(4)
    void countyClerkFilesAnApplianceClaimAfterAFieldErrorWithItsEvidence() throws IOException {
        signIn("county-officer", COUNTY, "");
        clickAndAwaitTheNextPage(browser.findElement(By.linkText("县级受理窗口")));
        new Select(browser.findElement(By.id("programmeId"))).selectByValue("HOME-APPLIANCE");
        type("sellerCreditCode", "91141100MA0K0000XA");
        type("purchaseDate", "2025-03-01");
        type("applicant.name", "张三");
        type("applicant.idNumber", "141124198001011234"); // wrong check digit
        type("applicant.phone", "13812345678");
        type("applicant.bankAccount", "6222020200112233445");
        type("appliance.productCategory", "AIR_CONDITIONER");
        type("appliance.model", "KFR-35GW/N1");
        type("appliance.serialNumber", "SN-BROWSER-0001");
        type("appliance.invoiceNumber", "25142000000012345678");
        type("appliance.priceYuan", "5000");
        type("appliance.efficiencyGrade", "1");
        type("appliance.deliveryAddress", "吕梁市临县城庄镇某村 2 号");
        clickAndAwaitTheNextPage(browser.findElement(By.id("file-claim")));

        WebElement idNumber = browser.findElement(By.id("applicant.idNumber"));
        WebElement error = browser.findElement(By.id("applicant.idNumber-error"));
        assertThat(idNumber.getAttribute("aria-invalid")).isEqualTo("true");
        assertThat(idNumber.getAttribute("aria-describedby")).contains("applicant.idNumber-error");
        assertThat(error.getText()).isNotBlank();
        assertThat(idNumber.getAttribute("value")).isEqualTo("141124198001011234");
        screenshot("counter-field-error");
        assertAccessible("counter");

        idNumber.clear();
        idNumber.sendKeys("141124198001011233");
        clickAndAwaitTheNextPage(browser.findElement(By.id("file-claim")));
        claimId = browser.findElement(By.id("claim-id")).getText();
        assertThat(claimId).matches("[0-9a-f-]{36}");
        assertThat(browser.findElement(By.id("claim-status")).getAttribute("data-status"))
                .isEqualTo("PENDING_REVIEW");
        // 5,000 yuan × 15 % + the grade-1 bonus of 5 % = 1,000 yuan, computed by the service
        assertThat(browser.findElement(By.id("claim-amount")).getText()).contains("1,000.00");
        assertThat(browser.findElements(By.cssSelector("#checks-run-1 tbody tr")))
                .isNotEmpty();
        screenshot("counter-claim");

        assertAccessible("counter-claim");

        // its evidence, one file per required kind through the page; a text file is refused (415) at its field
        assertThat(evidenceState("BANK_ACCOUNT")).isEqualTo("MISSING");
        uploadEvidence("APPLICANT_ID", textFile());
        WebElement fileField = browser.findElement(By.id("file-APPLICANT_ID"));
        assertThat(fileField.getAttribute("aria-invalid")).isEqualTo("true");
        assertThat(fileField.getAttribute("aria-describedby")).contains("file-APPLICANT_ID-error");
        assertThat(browser.findElement(By.id("file-APPLICANT_ID-error")).getText())
                .isNotBlank();
        screenshot("counter-evidence-error");
        uploadEvidence("APPLICANT_ID", pdf("APPLICANT_ID"));
        assertThat(browser.findElement(By.id("notice")).getText()).isEqualTo("材料已上传。");
        uploadEvidence("INVOICE", pdf("INVOICE"));
        uploadEvidence("PRODUCT_PHOTO", png());
        // the bank account is left for the reviewer, whose approval needs it
        assertThat(List.of("APPLICANT_ID", "INVOICE", "PRODUCT_PHOTO", "BANK_ACCOUNT").stream()
                        .map(ConsoleBrowserIT::evidenceState))
                .containsExactly("PRESENT", "PRESENT", "PRESENT", "MISSING");
        assertThat(browser.findElements(By.cssSelector("#evidence-documents li")))
                .hasSize(3);
        screenshot("counter-claim");

        clickAndAwaitTheNextPage(browser.findElement(By.id("receipt-link")));
        assertThat(browser.findElement(By.id("receipt-number")).getText()).isEqualTo(claimId);
        screenshot("receipt");
    }

    @Test
    @Order(5)
    void aScreenOfAnotherRoleIsAPlain403Page() {
        open("/console/dashboard");
        WebElement error = browser.findElement(By.id("error"));
        assertThat(error.getAttribute("data-status")).isEqualTo("403");
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("无权访问");
        screenshot("forbidden");
        signOut();
    }

    @Test
    @Order(6)
    void anotherReviewerSeesTheEvidenceWaivesTheMissingKindAndApproves() throws Exception {
        signIn("reviewer", COUNTY, "reviewer-linxian");
        clickAndAwaitTheNextPage(browser.findElement(By.linkText("审核工作台")));
        WebElement link = browser.findElement(By.linkText(claimId.substring(0, 8)));
        screenshot("workbench");
        assertAccessible("workbench");
        clickAndAwaitTheNextPage(link);
        assertThat(browser.findElement(By.id("claim-id")).getText()).isEqualTo(claimId);

        // the PDF opens in the browser through the console (inline, with its type); the photo is on the page
        String pdfLink = browser.findElement(By.cssSelector("li[data-media-type='application/pdf'] a.evidence-link"))
                .getAttribute("href");
        HttpResponse<byte[]> document = download(URI.create(pdfLink).getRawPath());
        assertThat(document.statusCode()).isEqualTo(200);
        assertThat(document.headers().firstValue("Content-Type").orElse("")).startsWith("application/pdf");
        assertThat(document.headers().firstValue("Content-Disposition").orElse(""))
                .startsWith("inline");
        assertThat(new String(document.body(), 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        new WebDriverWait(browser, Duration.ofSeconds(30))
                .until(driver ->
                        ((Number) js("return document.querySelector('img.evidence-image').naturalWidth")).intValue()
                                > 0);

        // approval needs the evidence: refused while the bank account is missing, naming it
        browser.findElement(By.id("action-approve")).click();
        clickAndAwaitTheNextPage(browser.findElement(By.id("decide")));
        assertThat(browser.findElement(By.id("decision-error")).getText()).contains("BANK_ACCOUNT");
        assertThat(browser.findElement(By.id("claim-status")).getAttribute("data-status"))
                .isEqualTo("PENDING_REVIEW");
        screenshot("workbench-evidence-missing");
        assertAccessible("workbench-claim");

        // the reviewer waives it with a reason code, then approves
        browser.findElement(By.id("waive-open-BANK_ACCOUNT")).click();
        new Select(browser.findElement(By.id("waiver-reason-BANK_ACCOUNT"))).selectByValue("VERIFIED_BY_SYSTEM");
        clickAndAwaitTheNextPage(browser.findElement(By.id("waive-BANK_ACCOUNT")));
        assertThat(browser.findElement(By.id("notice")).getText()).isEqualTo("已免予提交该项材料。");
        assertThat(evidenceState("BANK_ACCOUNT")).isEqualTo("WAIVED");
        browser.findElement(By.id("action-approve")).click();
        clickAndAwaitTheNextPage(browser.findElement(By.id("decide")));
        assertThat(browser.findElement(By.id("notice")).getText()).contains("已批准");
        assertThat(browser.findElement(By.id("claim-status")).getAttribute("data-status"))
                .isEqualTo("APPROVED");
        screenshot("workbench-claim");
        signOut();
    }

    @Test
    @Order(7)
    void departmentOfficerReachesTheDesk() {
        signIn("department-officer", "swj", "");
        clickAndAwaitTheNextPage(browser.findElement(By.linkText("部门工作台")));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("部门工作台");
        assertThat(browser.findElement(By.id("h-own")).getText()).startsWith("本部门任务");
        // the department's name from the organisation directory, not its code
        assertThat(browser.findElement(By.id("department")).getText())
                .matches("本部门：.+（swj）")
                .doesNotStartWith("本部门：swj");
        assertThat(browser.findElement(By.id("responsibility")).isDisplayed()).isTrue();
        // a row per service, never an error page. 市商务局 leads trade-in and recycling, so those two
        // services answer GET /api/<area>/responsibilities/swj; equipment may hold no row for it
        for (String service : List.of("subsidies", "recycling")) {
            assertThat(browser.findElement(By.id("responsibility-" + service)).getAttribute("data-available"))
                    .as("%s responsibility of swj", service)
                    .isEqualTo("true");
        }
        WebElement equipment = browser.findElement(By.id("responsibility-equipment"));
        if ("false".equals(equipment.getAttribute("data-available"))) {
            assertThat(equipment.getText()).contains("暂不可用");
        }
        screenshot("desk");
        assertAccessible("desk");
        signOut();
    }

    @Test
    @Order(8)
    void countyClerkFillsTheEquipmentTemplateAndSeesTheErrorsByRowAndColumn() throws Exception {
        signIn("county-officer", COUNTY, "");
        clickAndAwaitTheNextPage(browser.findElement(By.linkText("设备清单")));
        String list = new Select(browser.findElement(By.id("list")))
                .getFirstSelectedOption()
                .getAttribute("value");
        HttpResponse<byte[]> template = download("/console/equipment/" + list + "/template.xlsx");
        assertThat(template.statusCode()).isEqualTo(200);
        List<List<String>> rows = readXlsx(template.body());
        assertThat(rows).isNotEmpty();
        int columns = rows.stream().mapToInt(List::size).max().orElse(1);
        // one filled row whose every cell says "?": no column takes that
        List<String> filled = java.util.Collections.nCopies(columns, "?");
        Path upload = Files.createTempFile("equipment-", ".xlsx");
        Files.write(upload, writeXlsx(rows, filled));
        browser.findElement(By.id("file")).sendKeys(upload.toString());
        clickAndAwaitTheNextPage(browser.findElement(By.id("upload")));
        screenshot("equipment-errors");
        List<WebElement> errors = browser.findElements(By.cssSelector("#import-errors tbody tr"));
        assertThat(errors).isNotEmpty();
        // each error names the spreadsheet row (the filled one follows the template's rows) and its column
        assertThat(errors).allSatisfy(error -> {
            List<WebElement> cells = error.findElements(By.tagName("td"));
            assertThat(cells.get(0).getText()).isEqualTo(String.valueOf(rows.size() + 1));
            assertThat(cells.get(1).getText()).isNotBlank();
            assertThat(cells.get(3).getText()).isNotBlank();
        });
        assertAccessible("equipment");
        Files.delete(upload);
        signOut();
    }

    // ---- helpers ----

    /** Uploads a file for one kind of evidence through the claim page's form. */
    private static void uploadEvidence(String kind, Path file) {
        browser.findElement(By.id("file-" + kind)).sendKeys(file.toString());
        clickAndAwaitTheNextPage(browser.findElement(By.id("upload-" + kind)));
    }

    /**
     * Clicks a link or a form's button and waits until the page it leads to has replaced this one: a
     * click returns before the navigation it starts, and the old page may answer the next lookup.
     */
    private static void clickAndAwaitTheNextPage(WebElement element) {
        element.click();
        new WebDriverWait(browser, Duration.ofSeconds(60)).until(ExpectedConditions.stalenessOf(element));
    }

    private static String evidenceState(String kind) {
        return browser.findElement(By.id("kind-" + kind)).getAttribute("data-state");
    }

    private static Path pdf(String kind) throws IOException {
        return file(
                kind + ".pdf",
                ("%PDF-1.4\n% " + kind + " of claim " + claimId + "\n%%EOF\n").getBytes(StandardCharsets.US_ASCII));
    }

    private static Path textFile() throws IOException {
        return file("note.txt", "not a scan".getBytes(StandardCharsets.UTF_8));
    }

    /** A small photo of the product (a PNG the service recognises from its content). */
    private static Path png() throws IOException {
        BufferedImage image = new BufferedImage(40, 30, BufferedImage.TYPE_INT_RGB);
        for (int x = 0; x < 40; x++) {
            for (int y = 0; y < 30; y++) {
                image.setRGB(x, y, x < 20 ? 0x0b4f8a : 0xa4161a);
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return file("photo.png", out.toByteArray());
    }

    private static Path file(String name, byte[] content) throws IOException {
        Path file = evidenceFiles.resolve(name);
        Files.write(file, content);
        return file;
    }

    private static List<List<String>> readXlsx(byte[] xlsx) throws IOException {
        List<List<String>> rows = new ArrayList<>();
        try (ReadableWorkbook workbook = new ReadableWorkbook(new ByteArrayInputStream(xlsx))) {
            for (Row row : workbook.getFirstSheet().read()) {
                List<String> cells = new ArrayList<>();
                for (int i = 0; i < row.getCellCount(); i++) {
                    cells.add(row.getCell(i) == null ? "" : row.getCell(i).getText());
                }
                rows.add(cells);
            }
        }
        return rows;
    }

    /** The template's rows and one more, as a spreadsheet program saves them. */
    private static byte[] writeXlsx(List<List<String>> rows, List<String> added) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Workbook workbook = new Workbook(out, "browser-test", "1.0");
        Worksheet sheet = workbook.newWorksheet("Sheet1");
        List<List<String>> all = new ArrayList<>(rows);
        all.add(added);
        for (int r = 0; r < all.size(); r++) {
            for (int c = 0; c < all.get(r).size(); c++) {
                sheet.value(r, c, all.get(r).get(c));
            }
        }
        workbook.finish();
        return out.toByteArray();
    }

    /**
     * axe-core (from Deque's Selenium jar, which ships axe.min.js) run on the screen as it is: no
     * violation of impact serious or critical (WCAG 2.1 A/AA rules and axe's best practices).
     */
    private static void assertAccessible(String screen) {
        js(AXE.get());
        Object found = ((JavascriptExecutor) browser)
                .executeAsyncScript("const done = arguments[arguments.length - 1];"
                        + "axe.run(document, {resultTypes: ['violations']})"
                        + ".then(r => done(r.violations.filter(v => v.impact === 'serious' || v.impact === 'critical')"
                        + ".map(v => v.id + ' (' + v.impact + '): ' + v.nodes.slice(0, 5)"
                        + ".map(n => n.target.join(' ')).join(' | '))))"
                        + ".catch(e => done(['axe did not run: ' + e]));");
        assertThat((List<?>) found)
                .as("serious or critical accessibility violations on " + screen)
                .isEmpty();
    }

    private static final Supplier<String> AXE = new Supplier<>() {
        private String script;

        @Override
        public synchronized String get() {
            if (script == null) {
                try (InputStream in = ConsoleBrowserIT.class.getResourceAsStream("/axe.min.js")) {
                    script = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }
            return script;
        }
    };

    private static void signIn(String role, String scope, String subject) {
        open("/console/sign-in");
        new Select(browser.findElement(By.id("role"))).selectByValue(role);
        type("scope", scope);
        type("subject", subject);
        clickAndAwaitTheNextPage(browser.findElement(By.cssSelector("form.form button[type=submit]")));
        assertThat(browser.findElement(By.id("who")).getText()).contains(subject.isEmpty() ? "dev-" + role : subject);
    }

    private static void signOut() {
        browser.findElement(By.cssSelector("form[action='/console/sign-out'] button"))
                .click();
        new WebDriverWait(browser, Duration.ofSeconds(30))
                .until(driver -> driver.getCurrentUrl().endsWith("/console/sign-in"));
        assertThat(browser.manage().getCookieNamed("console_session")).isNull();
    }

    private static void open(String path) {
        browser.get(gateway + path);
    }

    private static void type(String id, String text) {
        WebElement field = browser.findElement(By.id(id));
        if ("date".equals(field.getAttribute("type"))) {
            // typed keys go through the date picker's locale-dependent segments
            ((JavascriptExecutor) browser).executeScript("arguments[0].value = arguments[1]", field, text);
            return;
        }
        field.clear();
        if (!text.isEmpty()) {
            field.sendKeys(text);
        }
    }

    private static Object js(String script) {
        return ((JavascriptExecutor) browser).executeScript(script);
    }

    private static void awaitCharts() {
        new WebDriverWait(browser, Duration.ofSeconds(60))
                .until(driver -> "true".equals(js("return document.body.dataset.chartsDone")));
    }

    /** A GET with the browser's session cookie, as the download link makes it. */
    private static HttpResponse<byte[]> download(String path) throws Exception {
        Cookie session = browser.manage().getCookieNamed("console_session");
        HttpRequest request = HttpRequest.newBuilder(URI.create(gateway + path))
                .header("Cookie", "console_session=" + session.getValue())
                .build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofByteArray());
    }

    private static void screenshot(String name) {
        try {
            Files.write(
                    screenshots.resolve(name + ".png"), ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
