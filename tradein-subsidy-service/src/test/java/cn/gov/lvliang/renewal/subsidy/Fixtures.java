package cn.gov.lvliang.renewal.subsidy;

import static io.restassured.RestAssured.given;

import cn.gov.lvliang.renewal.platform.security.Caller;
import cn.gov.lvliang.renewal.platform.security.Roles;
import cn.gov.lvliang.renewal.testing.SuiteInfrastructure;
import cn.gov.lvliang.renewal.testing.TestIdentifiers;
import cn.gov.lvliang.renewal.testing.TestTokens;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/** Request bodies, tokens and database probes shared by this module's tests. */
public final class Fixtures {

    public static final String CLAIMS = "/api/subsidies/claims";

    private Fixtures() {}

    public static String retailer(String creditCode) {
        return TestTokens.enterprise(Roles.RETAILER, creditCode);
    }

    public static String dealer(String creditCode) {
        return TestTokens.enterprise(Roles.DEALER, creditCode);
    }

    public static String reviewer(String county) {
        return TestTokens.token(Roles.REVIEWER, county == null ? Map.of() : Map.of(Caller.COUNTY_CLAIM, county));
    }

    public static String unique(String prefix) {
        return prefix
                + UUID.randomUUID().toString().replace("-", "").substring(0, 12).toUpperCase();
    }

    /** Creates a city-wide programme of a category, running from 2025, with no rule version yet. */
    public static void createProgramme(String id, String name, String category) {
        createProgramme(id, name, category, Map.of());
    }

    /**
     * Creates a programme of a category, running from 2025, with no rule version yet: city-wide
     * (141100), queueing approvals when its budget is spent, funded 90 / 5 / 2.5 / 2.5 %; {@code
     * extra} adds to or overrides the body (e.g. {@code jurisdiction}, {@code whenExhausted}).
     */
    public static void createProgramme(String id, String name, String category, Map<String, Object> extra) {
        Map<String, Object> programme = new LinkedHashMap<>();
        programme.put("id", id);
        programme.put("name", name);
        programme.put("category", category);
        programme.put("jurisdiction", "141100");
        programme.put("periodStart", "2025-01-01");
        programme.put("whenExhausted", "QUEUE");
        programme.put("fundingShares", Map.of("centralBp", 9000, "provincialBp", 500, "cityBp", 250, "countyBp", 250));
        programme.putAll(extra);
        given().auth()
                .oauth2(TestTokens.cityAdmin())
                .contentType(ContentType.JSON)
                .body(programme)
                .post("/api/subsidies/programmes")
                .then()
                .statusCode(201);
    }

    /**
     * Adds a rule version from 2025 to a programme: {@link #productParameters} of 15 % of the price
     * capped at 2,000 yuan, the invoice as evidence, no collection; {@code extra} adds to or
     * overrides the body (e.g. {@code parameters}, {@code effectiveTo}, {@code evidenceRequired}).
     */
    public static void addRuleVersion(String programmeId, Map<String, Object> extra) {
        Map<String, Object> version = new LinkedHashMap<>();
        version.put("effectiveFrom", "2025-01-01");
        version.put(
                "parameters", productParameters(Map.of("kind", "PERCENT_OF_PRICE", "rateBp", 1500, "capFen", 200_000)));
        version.put("evidenceRequired", List.of("INVOICE"));
        version.put("collectionRequired", false);
        version.put("legalBasis", "test");
        version.putAll(extra);
        given().auth()
                .oauth2(TestTokens.cityAdmin())
                .contentType(ContentType.JSON)
                .body(version)
                .post("/api/subsidies/programmes/" + programmeId + "/rule-versions")
                .then()
                .statusCode(201);
    }

    /** A product rule version's parameters: {@code amount}, grade 2 or better, no limits. */
    public static Map<String, Object> productParameters(Map<String, Object> amount) {
        return Map.of("amount", amount, "eligibility", Map.of("worstGrade", 2), "limits", Map.of());
    }

    /**
     * A recycling-service certificate event as it comes on {@code recycling.events}, for the
     * scrap-certificate read model that car claims are verified against.
     */
    public static String scrapCertificateEvent(
            String type,
            String number,
            String vin,
            String ownerIdHash,
            String county,
            String powerType,
            String registered,
            String extra) {
        return """
                {"specversion":"1.0","id":"%s","source":"/recycling-service","type":"%s","subject":"%s",
                 "time":"2024-10-01T08:00:00Z","datacontenttype":"application/json",
                 "data":{"certificateNumber":"%s","dismantlerCreditCode":"%s","county":"%s","vin":"%s",
                   "firstRegistrationDate":"%s","handoverDate":"2024-09-20","powerType":"%s",
                   "owner":{"idNumberHash":"%s","idNumberMasked":"1411**********123X","nameMasked":"张*"}%s}}
                """.formatted(
                        UUID.randomUUID(),
                        type,
                        number,
                        number,
                        TestIdentifiers.creditCode(),
                        county,
                        vin,
                        registered,
                        powerType,
                        ownerIdHash,
                        extra);
    }

    /** An appliance claim body. */
    public static Map<String, Object> applianceClaim(
            String programmeId,
            String seller,
            String county,
            String idNumber,
            String category,
            int grade,
            long priceFen,
            String purchaseDate) {
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("productCategory", category);
        item.put("model", "KFR-35GW/N1");
        item.put("serialNumber", unique("SN"));
        item.put("invoiceNumber", unique("INV"));
        item.put("priceFen", priceFen);
        item.put("efficiencyGrade", grade);
        item.put("deliveryAddress", "吕梁市离石区滨河北东路" + UUID.randomUUID() + "号");
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("programmeId", programmeId);
        body.put("county", county);
        body.put("sellerCreditCode", seller);
        body.put("applicant", applicant(idNumber));
        body.put("purchaseDate", purchaseDate);
        body.put("appliance", item);
        return body;
    }

    /** Files {@code body} as the seller's retailer and returns the answer. */
    public static Response fileClaim(String seller, Map<String, Object> body) {
        return given().auth()
                .oauth2(retailer(seller))
                .contentType(ContentType.JSON)
                .body(body)
                .post(CLAIMS);
    }

    /**
     * Files a grade-1 appliance claim in county 141102 for a new applicant, as the seller's
     * retailer, and returns the answer.
     */
    public static Response fileApplianceClaim(String seller, String category, long priceFen, String purchaseDate) {
        return given().auth()
                .oauth2(retailer(seller))
                .contentType(ContentType.JSON)
                .body(applianceClaim(
                        "HOME-APPLIANCE",
                        seller,
                        "141102",
                        TestIdentifiers.residentId(),
                        category,
                        1,
                        priceFen,
                        purchaseDate))
                .post(CLAIMS);
    }

    /** A car claim body. */
    public static Map<String, Object> carClaim(
            String programmeId,
            String seller,
            String county,
            String idNumber,
            String certificateNumber,
            String oldVin,
            String newPowerType,
            String purchaseDate) {
        Map<String, Object> car = new LinkedHashMap<>();
        if (certificateNumber != null) {
            car.put("scrapCertificateNumber", certificateNumber);
        }
        car.put("oldVin", oldVin);
        car.put("newVin", TestIdentifiers.vin());
        car.put("newCarPowerType", newPowerType);
        if ("FUEL".equals(newPowerType)) {
            car.put("newCarDisplacementMl", 1498);
        }
        car.put("invoiceNumber", unique("CARINV"));
        car.put("priceFen", 15_980_000L);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("programmeId", programmeId);
        body.put("county", county);
        body.put("sellerCreditCode", seller);
        body.put("applicant", applicant(idNumber));
        body.put("purchaseDate", purchaseDate);
        body.put("car", car);
        return body;
    }

    public static Map<String, Object> applicant(String idNumber) {
        Map<String, Object> applicant = new LinkedHashMap<>();
        applicant.put("name", "张三丰");
        applicant.put("idNumber", idNumber);
        applicant.put("phone", "13812345678");
        applicant.put("bankAccount", "6222020200112233445");
        return applicant;
    }

    /** A mobile phone number no other test gives (the applicant fixture's is shared by all). */
    public static String uniquePhone() {
        return "139" + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000));
    }

    /** A bank account no other test gives (the applicant fixture's is shared by all). */
    public static String uniqueBankAccount() {
        return "6222" + String.format("%015d", ThreadLocalRandom.current().nextLong(1_000_000_000_000_000L));
    }

    /**
     * Uploads one small PDF for every kind of evidence the claim still misses, as its filer, so that
     * a reviewer may approve it (申请材料齐全).
     */
    public static void supplyEvidence(String claimId, String filerToken) {
        List<String> missing = given().auth()
                .oauth2(filerToken)
                .get(CLAIMS + "/" + claimId)
                .then()
                .statusCode(200)
                .extract()
                .path("evidenceCompleteness.findAll { it.state == 'MISSING' }.kind");
        for (String kind : missing) {
            uploadEvidence(claimId, filerToken, kind, "scan.pdf", pdf(kind + " " + UUID.randomUUID()))
                    .then()
                    .statusCode(201);
        }
    }

    /** 审核通过: the reviewer approves the claim at {@code version}, the version the reviewer read. */
    public static Response approve(String claimId, Object version, String reviewerToken) {
        return given().auth()
                .oauth2(reviewerToken)
                .contentType(ContentType.JSON)
                .body(Map.of("version", version))
                .post(CLAIMS + "/" + claimId + "/approve");
    }

    /** Uploads one evidence file as multipart {@code kind} and {@code file}. */
    public static Response uploadEvidence(String claimId, String token, String kind, String fileName, byte[] content) {
        return given().auth()
                .oauth2(token)
                .multiPart("kind", kind)
                .multiPart("file", fileName, content, "application/octet-stream")
                .post(CLAIMS + "/" + claimId + "/evidence");
    }

    /** A minimal PDF whose only content is {@code text}, for evidence uploads. */
    public static byte[] pdf(String text) {
        return ("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n% " + text + "\ntrailer << /Root 1 0 R >>\n%%EOF\n")
                .getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    /** Allocates money to a programme in a county, split by its shares. */
    public static void allocate(String programmeId, String county, long amountFen) {
        given().auth()
                .oauth2(TestTokens.cityAdmin())
                .contentType(ContentType.JSON)
                .body(Map.of("programmeId", programmeId, "county", county, "amountFen", amountFen))
                .post("/api/subsidies/budget/allocations")
                .then()
                .statusCode(201);
    }

    /**
     * A home-appliance programme of its own (so its own budget), with one rule version from 2025:
     * 15 % of the price capped at 2,000 yuan, grade 2 or better, the invoice as evidence; {@code
     * extra} adds to or overrides the rule version's body.
     */
    public static String applianceProgramme(String prefix, Map<String, Object> extra) {
        return productProgramme(prefix, "HOME_APPLIANCE", extra);
    }

    /** {@link #applianceProgramme} of another product category (HOME_APPLIANCE or DIGITAL_PRODUCT). */
    public static String productProgramme(String prefix, String category, Map<String, Object> extra) {
        String id = unique(prefix);
        createProgramme(id, prefix, category);
        addRuleVersion(id, extra);
        return id;
    }

    /** Pays the one approved claim of a programme in a county: a payment batch, its item PAID. */
    public static void payTheApprovedClaim(String programmeId, String county) {
        String batch = given().auth()
                .oauth2(TestTokens.countyOfficer(county))
                .contentType(ContentType.JSON)
                .body(Map.of("programmeId", programmeId, "county", county))
                .post("/api/subsidies/payment-batches")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        given().auth()
                .oauth2(TestTokens.token(Roles.SYSTEM_CLIENT, Map.of()))
                .contentType(ContentType.JSON)
                .body(Map.of("results", List.of(Map.of("itemNo", 1, "outcome", "PAID"))))
                .post("/api/subsidies/payment-batches/" + batch + "/results")
                .then()
                .statusCode(200);
    }

    public static Connection connect() throws Exception {
        return DriverManager.getConnection(SuiteInfrastructure.postgres().jdbcUrl("app"), "postgres", "postgres");
    }

    public static long count(String sql, Object... parameters) {
        try (Connection c = connect();
                PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                s.setObject(i + 1, parameters[i]);
            }
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public static void execute(String sql, Object... parameters) {
        try (Connection c = connect();
                PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                s.setObject(i + 1, parameters[i]);
            }
            s.execute();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Every table of the service database, for "no plaintext anywhere" probes. */
    public static List<String> tables() {
        List<String> tables = new ArrayList<>();
        try (Connection c = connect();
                PreparedStatement s = c.prepareStatement(
                        "select table_name from information_schema.tables where table_schema = 'public'"
                                + " and table_type = 'BASE TABLE'");
                ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                tables.add(rs.getString(1));
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return tables;
    }
}
