package cn.gov.lvliang.renewal.recycling.messaging;

/**
 * The recycling-service's event stream. Every type is documented in
 * docs/events/recycling-service.md; data never carries plaintext personal data.
 */
public final class RecyclingEvents {

    /** The service's topic; the record key is the aggregate id (certificate number, credit code, pack code…). */
    public static final String TOPIC = "recycling.events";

    /** A dismantler issued a scrap certificate (报废机动车回收证明). Key: certificate number. */
    public static final String VEHICLE_SCRAPPED = "cn.gov.lvliang.recycling.vehicle.scrapped.v1";

    /** A scrap certificate was corrected: a new version. Key: certificate number. */
    public static final String CERTIFICATE_CORRECTED = "cn.gov.lvliang.recycling.certificate.corrected.v1";

    /** A scrap certificate was voided (作废) and may no longer back a claim. Key: certificate number. */
    public static final String CERTIFICATE_VOIDED = "cn.gov.lvliang.recycling.certificate.voided.v1";

    /** The scrapped vehicle was deregistered (注销登记). Key: certificate number. */
    public static final String VEHICLE_DEREGISTERED = "cn.gov.lvliang.recycling.vehicle.deregistered.v1";

    /** A farm-machinery dismantler issued a farm-machinery scrap certificate (农机报废回收证明). Key: certificate number. */
    public static final String FARM_MACHINERY_SCRAPPED = "cn.gov.lvliang.recycling.farm-machinery.scrapped.v1";

    /** A farm-machinery scrap certificate was corrected: a new version. Key: certificate number. */
    public static final String FARM_MACHINERY_CERTIFICATE_CORRECTED =
            "cn.gov.lvliang.recycling.farm-machinery-certificate.corrected.v1";

    /** A farm-machinery scrap certificate was voided (作废). Key: certificate number. */
    public static final String FARM_MACHINERY_CERTIFICATE_VOIDED =
            "cn.gov.lvliang.recycling.farm-machinery-certificate.voided.v1";

    /** An enterprise was registered or its qualification changed. Key: credit code. */
    public static final String QUALIFICATION_CHANGED = "cn.gov.lvliang.recycling.enterprise.qualification-changed.v1";

    /** A traction-battery pack changed hands (移交). Key: pack code. */
    public static final String BATTERY_HANDED_OVER = "cn.gov.lvliang.recycling.battery.handed-over.v1";

    /** A used car was traded (二手车交易). Key: trade id. */
    public static final String USED_CAR_TRADED = "cn.gov.lvliang.recycling.used-car.traded.v1";

    /** Appliances or office equipment were recycled. Key: record id. */
    public static final String APPLIANCE_RECYCLED = "cn.gov.lvliang.recycling.appliance.recycled.v1";

    /** An enumeration's code as the events carry it, or null: the event records name no feature type. */
    public static String code(Enum<?> value) {
        return value == null ? null : value.name();
    }

    private RecyclingEvents() {}
}
