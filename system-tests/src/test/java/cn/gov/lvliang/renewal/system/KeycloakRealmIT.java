package cn.gov.lvliang.renewal.system;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import cn.gov.lvliang.renewal.devstack.DevStack;
import cn.gov.lvliang.renewal.devstack.Options;
import cn.gov.lvliang.renewal.infra.ManagedProcess;
import cn.gov.lvliang.renewal.testing.TestIdentifiers;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The realm export {@code deploy/keycloak/lvliang-renewal-realm.json} against a real Keycloak and
 * the whole suite: Keycloak (the distribution the {@code keycloak} Maven profile unpacks) imports
 * it, its clients get tokens, and the suite, trusting only that realm ({@code SUITE_JWT_ISSUER} and
 * a JWKS URL as {@code SUITE_JWT_PUBLIC_KEY_LOCATION}), accepts them through the gateway with the
 * roles, audience and scope claims the services read.
 *
 * <p>Runs in the {@code keycloak} profile (on unless {@code -DskipKeycloak}); without the distribution it is
 * skipped with a message.
 */
class KeycloakRealmIT {

    private static final String REALM = "lvliang-renewal";
    private static final String AUDIENCE = "renewal-suite";
    private static final String MACHINE_CLIENT = "mps-vehicle-registry";
    private static final String MACHINE_SECRET = "dev-only-change-me";
    private static final String PORTAL = "renewal-portal";

    private static KeycloakServer keycloak;
    private static DevStack suite;

    @BeforeAll
    static void startKeycloakWithTheRealmExportAndTheSuiteTrustingIt() throws Exception {
        String home = System.getProperty("keycloak.home", "");
        boolean distribution = !home.isBlank() && Files.isRegularFile(Path.of(home, "bin", "kc.sh"));
        String skipped = "KeycloakRealmIT skipped: no Keycloak distribution (system property keycloak.home='" + home
                + "'). Run it without -DskipKeycloak, e.g. ./mvnw -pl system-tests -am verify"
                + " -Dit.test=KeycloakRealmIT";
        if (!distribution) {
            System.out.println(skipped); // the build log shows no skipped test for an aborted class
        }
        assumeTrue(distribution, skipped);
        Path root = Path.of(System.getProperty("suite.root", "..")).toAbsolutePath();
        Path realmExport = root.resolve("deploy/keycloak/" + REALM + "-realm.json");

        // Keycloak 26.4 runs on this JDK 17; -Dkeycloak.java=/path/to/bin/java picks another one.
        String java = System.getProperty("keycloak.java", ManagedProcess.currentJava());
        keycloak = KeycloakServer.start(Path.of(home), realmExport, java);
        System.out.printf(
                "Keycloak ready in %.1f s (log %s)%n", keycloak.startup().toMillis() / 1000.0, keycloak.log());

        Path state = Files.createTempDirectory("system-test-keycloak");
        System.out.println("Keycloak realm suite state (logs, data): " + state);
        suite = DevStack.start(Options.defaults(root)
                .withFreePorts()
                .withStateDirectory(state)
                .withTokenIssuer(keycloak.issuer(REALM), keycloak.jwksUrl(REALM)));
    }

    @AfterAll
    static void stopEverything() {
        SuiteState.stop(suite);
        if (keycloak != null) {
            keycloak.close();
        }
    }

    // ---- tokens from Keycloak ----

    private static String machineToken() {
        return token(Map.of(
                "grant_type", "client_credentials", "client_id", MACHINE_CLIENT, "client_secret", MACHINE_SECRET));
    }

    /** A user's token by the password grant of the test client; the realm's test passwords are {@code dev-only-<username>}. */
    private static String userToken(String username) {
        return token(Map.of(
                "grant_type",
                "password",
                "client_id",
                PORTAL,
                "username",
                username,
                "password",
                "dev-only-" + username));
    }

    private static String token(Map<String, String> form) {
        return given().contentType(ContentType.URLENC)
                .formParams(form)
                .log()
                .ifValidationFails()
                .post(keycloak.tokenUrl(REALM))
                .then()
                .log()
                .ifValidationFails()
                .statusCode(200)
                .body("token_type", equalTo("Bearer"))
                .extract()
                .path("access_token");
    }

    private static JsonPath header(String jwt) {
        return part(jwt, 0);
    }

    private static JsonPath claims(String jwt) {
        return part(jwt, 1);
    }

    private static JsonPath part(String jwt, int index) {
        String[] parts = jwt.split("\\.");
        return JsonPath.from(new String(Base64.getUrlDecoder().decode(parts[index]), StandardCharsets.UTF_8));
    }

    /** {@code aud} is a string or an array. */
    private static List<String> audiences(JsonPath claims) {
        Object aud = claims.get("aud");
        return aud instanceof List<?> list ? list.stream().map(String::valueOf).toList() : List.of(String.valueOf(aud));
    }

    private static RequestSpecification as(String token) {
        return given().baseUri(suite.gatewayUrl())
                .auth()
                .oauth2(token)
                .contentType(ContentType.JSON)
                .log()
                .ifValidationFails();
    }

    // ---- the realm ----

    @Test
    void theRealmImportsAndPublishesItsIssuerAndSigningKeys() {
        assertThat(keycloak.logText()).contains("Realm '" + REALM + "' imported");
        given().get(keycloak.issuer(REALM) + "/.well-known/openid-configuration")
                .then()
                .statusCode(200)
                .body("issuer", equalTo(keycloak.issuer(REALM)))
                .body("jwks_uri", equalTo(keycloak.jwksUrl(REALM)));
        List<Map<String, Object>> keys = given().get(keycloak.jwksUrl(REALM))
                .then()
                .statusCode(200)
                .extract()
                .path("keys");
        assertThat(keys)
                .anySatisfy(key -> assertThat(key)
                        .containsEntry("kty", "RSA")
                        .containsEntry("alg", "RS256")
                        .containsEntry("use", "sig"));
    }

    // ---- the machine client (client credentials) ----

    @Test
    void theMachineClientGetsAnRs256TokenWithItsRoleInGroupsAndTheSuitesAudience() {
        String token = machineToken();
        assertThat(header(token).getString("alg")).isEqualTo("RS256");
        assertThat(header(token).getString("kid")).isNotBlank();
        JsonPath claims = claims(token);
        assertThat(claims.getString("iss")).isEqualTo(keycloak.issuer(REALM));
        assertThat(audiences(claims)).contains(AUDIENCE);
        assertThat(claims.getList("groups", String.class)).contains("system-client");
        assertThat(claims.getString("azp")).isEqualTo(MACHINE_CLIENT);
        assertThat(claims.getString("sub")).isNotBlank();
        assertThat(claims.getMap("$")).doesNotContainKeys("county", "department", "enterprise");
    }

    @Test
    void theSuiteAcceptsTheMachineTokenWhereSystemClientIsAllowedAndRefusesItElsewhere() {
        String token = machineToken();
        as(token).get("/api/tasks/dashboard/city").then().statusCode(200);
        as(token).get("/api/subsidies/programmes").then().statusCode(200);
        // auditor and city-admin only: the token is valid (not 401), the role is not enough
        as(token).get("/api/tasks/audit-records").then().statusCode(403).contentType("application/problem+json");
        as(token).post("/api/tasks/supervision/runs").then().statusCode(403).contentType("application/problem+json");
    }

    @Test
    void aWrongClientSecretGetsNoToken() {
        given().contentType(ContentType.URLENC)
                .formParams(Map.of(
                        "grant_type", "client_credentials", "client_id", MACHINE_CLIENT, "client_secret", "wrong"))
                .post(keycloak.tokenUrl(REALM))
                .then()
                .statusCode(401);
    }

    // ---- users (password grant of the test client) ----

    @Test
    void aCountyOfficerSeesOnlyItsCountysRecords() {
        String officer = userToken("officer-141102");
        JsonPath claims = claims(officer);
        assertThat(claims.getList("groups", String.class)).contains("county-officer");
        assertThat(claims.getString("county")).isEqualTo("141102");
        assertThat(audiences(claims)).contains(AUDIENCE);
        assertThat(claims.getString("sub")).as("the realm's sub mapper").isNotBlank();
        assertThat(claims.getString("azp")).isEqualTo(PORTAL);

        String admin = userToken("city-admin");
        Map<String, Object> own = register(admin, "141102");
        Map<String, Object> other = register(admin, "141123");

        String list = as(officer)
                .get("/api/equipment/records?size=200")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        assertThat(list).contains((String) own.get("assetTag")).doesNotContain((String) other.get("assetTag"));
        as(officer).get("/api/equipment/records/" + own.get("id")).then().statusCode(200);
        as(officer)
                .get("/api/equipment/records/" + other.get("id"))
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
        as(userToken("officer-141123"))
                .get("/api/equipment/records/" + other.get("id"))
                .then()
                .statusCode(200);

        as(officer).get("/api/tasks/dashboard/counties/141102").then().statusCode(200);
        as(officer).get("/api/tasks/dashboard/counties/141123").then().statusCode(404);
    }

    /** A unit of {@code county} and one equipment record of it, by the city administrator. */
    private static Map<String, Object> register(String admin, String county) {
        String creditCode = TestIdentifiers.creditCode();
        as(admin)
                .body(Map.of(
                        "creditCode",
                        creditCode,
                        "name",
                        "吕梁测试单位" + creditCode.substring(10),
                        "county",
                        county,
                        "sector",
                        "coal",
                        "type",
                        "ENTERPRISE",
                        "contactName",
                        "王小五",
                        "contactPhone",
                        "13812345678"))
                .post("/api/equipment/units")
                .then()
                .statusCode(201);
        Map<String, Object> body = new HashMap<>();
        body.put("unitCreditCode", creditCode);
        body.put("assetTag", "KC-" + county + "-" + creditCode.substring(8, 16));
        body.put("name", "4.3米焦炉");
        body.put("model", "JN43-80");
        body.put("category", "INDUSTRIAL_PRODUCTION");
        body.put("quantity", 1);
        body.put("commissionedOn", "2012-01-01");
        body.put("designLifeYears", 15);
        body.put("efficiencyTier", "ENTRY");
        body.put("emissionGrade", "C");
        body.put("originalValueFen", 1_250_000_000L);
        Map<String, Object> created = new HashMap<>(as(admin)
                .body(body)
                .post("/api/equipment/records")
                .then()
                .statusCode(201)
                .extract()
                .jsonPath()
                .getMap("$"));
        created.put("assetTag", body.get("assetTag"));
        return created;
    }

    @Test
    void departmentEnterpriseAndReviewerUsersCarryTheirScopeClaims() {
        JsonPath department = claims(userToken("commerce-bureau"));
        assertThat(department.getList("groups", String.class)).contains("department-officer");
        assertThat(department.getString("department")).isEqualTo("SWJ");
        // one sample user per lead department of the trade-in and equipment tasks, codes in upper case
        for (String code : List.of("gxj", "zjj", "scjgj", "jtysj", "nyncj", "czj", "jyj", "wjw", "wlj", "tyj", "cgj")) {
            JsonPath officer = claims(userToken("dept-" + code));
            assertThat(officer.getList("groups", String.class)).as(code).contains("department-officer");
            assertThat(officer.getString("department")).as(code).isEqualTo(code.toUpperCase(java.util.Locale.ROOT));
        }
        // the directory matches the code without regard to case: 市工信局 reads the equipment registers
        as(userToken("dept-gxj")).get("/api/equipment/records").then().statusCode(200);

        String dealerToken = userToken("dealer");
        JsonPath dealer = claims(dealerToken);
        assertThat(dealer.getList("groups", String.class)).contains("dealer");
        assertThat(dealer.getString("enterprise")).isEqualTo("91141100MA0K00000G");
        as(dealerToken).get("/api/equipment/records").then().statusCode(200).body("items.size()", equalTo(0));

        JsonPath reviewer = claims(userToken("reviewer-141102"));
        assertThat(reviewer.getList("groups", String.class)).contains("reviewer");
        assertThat(reviewer.getString("county")).isEqualTo("141102");

        for (String user : List.of("auditor", "statistics", "city-admin")) {
            JsonPath claims = claims(userToken(user));
            assertThat(claims.getMap("$")).as(user).doesNotContainKeys("county", "department", "enterprise");
        }
        as(userToken("auditor")).get("/api/tasks/audit-records").then().statusCode(200);
        as(userToken("statistics")).get("/api/tasks/dashboard/city").then().statusCode(200);
    }

    @Test
    void theAuditTrailNamesTheKeycloakSubjectAndTheClient() {
        String admin = userToken("city-admin");
        String subject = claims(admin).getString("sub");
        assertThat(subject).isNotBlank();
        register(admin, "141124");
        List<Map<String, Object>> records = as(userToken("auditor"))
                .get("/api/equipment/audit-records?actor=" + subject)
                .then()
                .statusCode(200)
                .extract()
                .path("items");
        assertThat(records)
                .isNotEmpty()
                .allSatisfy(record ->
                        assertThat(record).containsEntry("client", PORTAL).containsEntry("actor", subject));
    }

    // ---- nothing else is trusted ----

    @Test
    void theGatewaysDevTokensAreRefusedOnceTheSuiteTrustsKeycloak() {
        String dev = SuiteRequests.devToken(suite.gatewayUrl(), Map.of("role", "city-admin"));
        as(dev).get("/api/tasks/dashboard/city").then().statusCode(401);
        given().baseUri(suite.serviceUrl("tasks-service"))
                .auth()
                .oauth2(dev)
                .get("/api/tasks/dashboard/city")
                .then()
                .statusCode(401);
    }
}
