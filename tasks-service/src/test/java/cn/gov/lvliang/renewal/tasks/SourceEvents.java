package cn.gov.lvliang.renewal.tasks;

import java.util.UUID;

/**
 * Other services' events exactly in their documented formats (docs/events/*.md and asyncapi.yaml),
 * as the tests send them to the broker.
 */
public final class SourceEvents {

    private SourceEvents() {}

    public static String envelope(String source, String type, String subject, String data) {
        return envelope(UUID.randomUUID().toString(), source, type, subject, data);
    }

    public static String envelope(String id, String source, String type, String subject, String data) {
        return """
                {"specversion":"1.0","id":"%s","source":"%s","type":"%s","subject":"%s",
                 "time":"2026-11-29T08:00:00Z","datacontenttype":"application/json","data":%s}
                """.formatted(id, source, type, subject, data);
    }

    /** A scrap certificate as recycling-service publishes it; {@code owner} is the owner object. */
    public static String vehicleScrapped(String number, String county, String handoverDate, String owner) {
        return envelope("/recycling-service", "cn.gov.lvliang.recycling.vehicle.scrapped.v1", number, """
                {"certificateNumber":"%s","dismantlerCreditCode":"91141100MA0K0000XA","county":"%s",
                 "vin":"LSVAU218XN2183294","firstRegistrationDate":"2010-05-01","handoverDate":"%s",
                 "powerType":"FUEL","owner":%s,"vehicleType":"小型普通客车","vehicleUse":"非营运",
                 "makeAndModel":"大众 SVW7182","kerbWeightKg":1320,"engineNumber":"CEA123456",
                 "batteryPackCode":null,"version":1}
                """.formatted(
                        number, county, handoverDate, owner));
    }

    public static String vehicleScrapped(String number, String county, String handoverDate) {
        return vehicleScrapped(
                number,
                county,
                handoverDate,
                "{\"idNumberHash\":\"" + "ab".repeat(32)
                        + "\",\"idNumberMasked\":\"1411**********123X\",\"nameMasked\":\"张*\"}");
    }

    public static String usedCarTraded(String county, String tradeDate) {
        String id = UUID.randomUUID().toString();
        return envelope("/recycling-service", "cn.gov.lvliang.recycling.used-car.traded.v1", id, """
                {"tradeId":"%s","county":"%s","vin":"LSVAU218XN2183294","tradeDate":"%s","priceFen":8650000,
                 "crossRegion":false,"export":false,"zeroMileage":false}
                """.formatted(
                        id, county, tradeDate));
    }

    public static String applianceRecycled(String county, int count, String recordedOn) {
        String id = UUID.randomUUID().toString();
        return envelope("/recycling-service", "cn.gov.lvliang.recycling.appliance.recycled.v1", id, """
                {"recordId":"%s","county":"%s","category":"REFRIGERATOR","count":%d,"weightKg":55.000,
                 "source":"DOOR_TO_DOOR","claimId":null,"recordedOn":"%s",
                 "materials":{"steelKg":30.500,"nonFerrousKg":4.200,"plasticsKg":12.000,"glassKg":1.000,"otherKg":3.300}}
                """.formatted(
                        id, county, count, recordedOn));
    }

    /** A paid claim as tradein-subsidy-service publishes it ({@code extra}: more fields, or ""). */
    public static String claimPaid(String claimId, String county, long amountFen, String paidAt, String extra) {
        return envelope("/tradein-subsidy-service", "cn.gov.lvliang.subsidy.claim.paid.v1", claimId, """
                {"claimId":"%s","programmeId":"CAR-SCRAPPAGE","category":"CAR_SCRAPPAGE","county":"%s",
                 "ruleVersion":1,"sellerCreditCode":"91141100MA0K0000XA",
                 "claimantPseudonym":"%s","amountFen":%d,"status":"PAID","paymentKind":"PAYMENT",
                 "paidAt":"%s","at":"%s"%s}
                """.formatted(
                        claimId, county, "3f".repeat(32), amountFen, paidAt, paidAt, extra));
    }

    public static String investmentCompleted(String county, long amountFen, String completedOn) {
        return envelope(
                "/equipment-inventory-service",
                "cn.gov.lvliang.equipment.renewal.investment-completed.v1",
                "205",
                """
                {"equipmentId":205,"unitCreditCode":"91141100MA0K0000XA","county":"%s","sector":"power",
                 "category":"INDUSTRIAL_PRODUCTION","amountFen":%d,"completedOn":"%s",
                 "efficiencyTier":"SAVING","emissionGrade":"C"}
                """.formatted(county, amountFen, completedOn));
    }
}
