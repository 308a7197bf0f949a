package cn.gov.lvliang.renewal.recycling;

/**
 * The recycling-service's event stream. Every type is documented in docs/events/ and in the
 * AsyncAPI catalogue; data never carries plaintext personal data.
 */
public final class RecyclingEvents {

    /** The service's topic; the record key is the aggregate id (here, the certificate number). */
    public static final String TOPIC = "recycling.events";

    /** A dismantler issued a scrap certificate (报废机动车回收证明). */
    public static final String VEHICLE_SCRAPPED = "cn.gov.lvliang.recycling.vehicle.scrapped.v1";

    private RecyclingEvents() {}
}
