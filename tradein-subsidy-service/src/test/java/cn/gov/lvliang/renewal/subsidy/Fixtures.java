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
        given().auth()
                .oauth2(TestTokens.cityAdmin())
                .contentType(ContentType.JSON)
                .body(Map.of(
                        "id",
                        id,
                        "name",
                        name,
                        "category",
                        category,
                        "jurisdiction",
                        "141100",
                        "periodStart",
                        "2025-01-01",
                        "whenExhausted",
                        "QUEUE",
                        "fundingShares",
                        Map.of("centralBp", 9000, "provincialBp", 500, "cityBp", 250, "countyBp", 250)))
                .post("/api/subsidies/programmes")
                .then()
                .statusCode(201);
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
