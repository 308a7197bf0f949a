package cn.gov.lvliang.renewal.console.claims;

import cn.gov.lvliang.renewal.console.web.Msg;
import jakarta.ws.rs.core.MultivaluedMap;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The counter's claim form read into the API's {@code CreateClaim} body. Field names are the API's
 * field paths ({@code applicant.idNumber}), so that the API's field errors land next to their
 * fields; prices are typed in yuan and sent in fen. Only what cannot be sent at all (a price that
 * is not a number) is refused here: every rule is the API's.
 *
 * @param kind {@value #APPLIANCE} or {@value #CAR}
 * @param values the form's values as typed, to show them again
 * @param inputErrors prices that are not numbers, by field path
 */
record ClaimForm(String kind, Map<String, String> values, Map<String, String> inputErrors) {

    static final String APPLIANCE = "appliance";
    static final String CAR = "car";

    private static final List<String> APPLIANCE_FIELDS =
            List.of("productCategory", "model", "serialNumber", "invoiceNumber", "efficiencyGrade", "deliveryAddress");
    private static final List<String> CAR_FIELDS = List.of(
            "scrapCertificateNumber", "oldVin", "newVin", "newCarPowerType", "newCarDisplacementMl", "invoiceNumber");
    private static final List<String> NUMBERS = List.of("efficiencyGrade", "newCarDisplacementMl");

    static String kind(String requested) {
        return CAR.equals(requested) ? CAR : APPLIANCE;
    }

    static ClaimForm read(MultivaluedMap<String, String> form, Msg msg) {
        Map<String, String> values = new HashMap<>();
        form.forEach((name, list) ->
                values.put(name, list.isEmpty() ? "" : list.get(0).trim()));
        String kind = kind(values.get("kind"));
        Map<String, String> errors = new LinkedHashMap<>();
        String price = values.getOrDefault(kind + ".priceYuan", "");
        if (!price.isEmpty() && !price.matches("\\d{1,10}(\\.\\d{1,2})?")) {
            errors.put(kind + ".priceFen", msg.inputPriceYuan());
        }
        for (String number : NUMBERS) {
            String value = values.getOrDefault(kind + "." + number, "");
            if (!value.isEmpty() && !value.matches("\\d{1,9}")) {
                errors.put(kind + "." + number, msg.inputWholeNumber());
            }
        }
        return new ClaimForm(kind, values, errors);
    }

    /** The {@code CreateClaim} body. */
    Map<String, Object> body() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("programmeId", text("programmeId"));
        body.put("county", text("county"));
        body.put("sellerCreditCode", text("sellerCreditCode"));
        Map<String, Object> applicant = new LinkedHashMap<>();
        applicant.put("name", text("applicant.name"));
        applicant.put("idNumber", text("applicant.idNumber"));
        applicant.put("phone", text("applicant.phone"));
        applicant.put("bankAccount", text("applicant.bankAccount"));
        body.put("applicant", applicant);
        body.put("purchaseDate", text("purchaseDate"));
        Map<String, Object> item = new LinkedHashMap<>();
        for (String field : APPLIANCE.equals(kind) ? APPLIANCE_FIELDS : CAR_FIELDS) {
            String value = text(kind + "." + field);
            item.put(field, value != null && NUMBERS.contains(field) ? Long.valueOf(value) : value);
        }
        String price = text(kind + ".priceYuan");
        item.put(
                "priceFen",
                price == null ? null : new BigDecimal(price).movePointRight(2).longValueExact());
        body.put(kind, item);
        return body;
    }

    /** A field's value, {@code null} when empty (the API then names it as missing). */
    private String text(String name) {
        String value = values.get(name);
        return value == null || value.isEmpty() ? null : value;
    }
}
