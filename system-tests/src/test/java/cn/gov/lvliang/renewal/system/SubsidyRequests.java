package cn.gov.lvliang.renewal.system;

import static io.restassured.RestAssured.given;

import cn.gov.lvliang.renewal.testing.TestIdentifiers;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Requests on the subsidy side that the fault and replica tests make the same way: an appliance
 * programme of their own, a claim under it, and the claim's invoice.
 */
final class SubsidyRequests {

    /** 20% (15% + 5% grade-1 bonus) of 5,000.00 yuan, under the 2,000-yuan cap: each claim's amount. */
    static final long CLAIM_FEN = 100_000;

    private SubsidyRequests() {}

    /**
     * An appliance programme (20% of price for grade 1, capped, the invoice as evidence) open from
     * 2025, named {@code label}, whose id starts with {@code prefix}.
     */
    static String applianceProgramme(
            String gatewayUrl, String adminToken, String prefix, String label, String whenExhausted) {
        String id = prefix + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        given().baseUri(gatewayUrl)
                .auth()
                .oauth2(adminToken)
                .contentType(ContentType.JSON)
                .body(Map.of(
                        "id",
                        id,
                        "name",
                        label,
                        "category",
                        "HOME_APPLIANCE",
                        "jurisdiction",
                        "141100",
                        "periodStart",
                        "2025-01-01",
                        "whenExhausted",
                        whenExhausted,
                        "fundingShares",
                        Map.of("centralBp", 9000, "provincialBp", 500, "cityBp", 250, "countyBp", 250)))
                .post("/api/subsidies/programmes")
                .then()
                .statusCode(201);
        given().baseUri(gatewayUrl)
                .auth()
                .oauth2(adminToken)
                .contentType(ContentType.JSON)
                .body(Map.of(
                        "effectiveFrom",
                        "2025-01-01",
                        "parameters",
                        Map.of(
                                "amount",
                                        Map.of(
                                                "kind", "PERCENT_OF_PRICE",
                                                "rateBp", 1500,
                                                "topGradeBonusBp", 500,
                                                "capFen", 200_000),
                                "eligibility", Map.of("worstGrade", 2),
                                "limits", Map.of()),
                        "evidenceRequired",
                        List.of("INVOICE"),
                        "collectionRequired",
                        false,
                        "legalBasis",
                        label))
                .post("/api/subsidies/programmes/" + id + "/rule-versions")
                .then()
                .statusCode(201);
        return id;
    }

    /** Files a claim for a 5,000-yuan grade-1 air conditioner, new identifiers every time. */
    static Response fileApplianceClaim(
            String url, String retailerToken, String programme, String county, String seller, LocalDate purchase) {
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("productCategory", "AIR_CONDITIONER");
        item.put("model", "KFR-35GW/N1");
        item.put("serialNumber", "SN" + UUID.randomUUID().toString().replace("-", ""));
        item.put("invoiceNumber", "INV" + UUID.randomUUID().toString().replace("-", ""));
        item.put("priceFen", 500_000);
        item.put("efficiencyGrade", 1);
        item.put("deliveryAddress", "吕梁市临县城庄镇" + UUID.randomUUID() + "号");
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("programmeId", programme);
        body.put("county", county);
        body.put("sellerCreditCode", seller);
        body.put(
                "applicant",
                Map.of(
                        "name", "张三丰",
                        "idNumber", TestIdentifiers.residentId(),
                        "phone", "13812345678",
                        "bankAccount", "6222020200112233445"));
        body.put("purchaseDate", purchase.toString());
        body.put("appliance", item);
        return given().baseUri(url)
                .auth()
                .oauth2(retailerToken)
                .contentType(ContentType.JSON)
                .body(body)
                .post("/api/subsidies/claims");
    }

    /**
     * Uploads the one kind of evidence the programme's rule asks for (INVOICE), by the claim's
     * filer, with a Content-Length (see the README on chunked multipart uploads).
     */
    static Response uploadInvoice(String url, String retailerToken, String claim) {
        return given().baseUri(url)
                .auth()
                .oauth2(retailerToken)
                .multiPart("kind", "INVOICE")
                .multiPart(
                        "file",
                        "invoice.pdf",
                        ("%PDF-1.4\n% invoice of claim " + claim + "\n%%EOF\n").getBytes(StandardCharsets.UTF_8),
                        "application/pdf")
                .post("/api/subsidies/claims/" + claim + "/evidence");
    }
}
