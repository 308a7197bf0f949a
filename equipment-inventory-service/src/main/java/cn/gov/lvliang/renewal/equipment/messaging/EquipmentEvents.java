package cn.gov.lvliang.renewal.equipment.messaging;

/**
 * The equipment-inventory-service's event stream, documented in
 * docs/events/equipment-inventory-service.md. Record key: the equipment id. No personal data.
 */
public final class EquipmentEvents {

    public static final String TOPIC = "equipment.events";

    private static final String PREFIX = "cn.gov.lvliang.equipment.";

    /** A new equipment record (by API or import). */
    public static final String EQUIPMENT_REGISTERED = PREFIX + "equipment.registered.v1";
    /** An equipment record's fields changed. */
    public static final String EQUIPMENT_UPDATED = PREFIX + "equipment.updated.v1";
    /** A flag rule raised a flag on an equipment record. */
    public static final String EQUIPMENT_FLAGGED = PREFIX + "equipment.flagged.v1";
    /** The equipment entered the retirement list (淘汰清单). */
    public static final String EQUIPMENT_RETIREMENT_SCHEDULED = PREFIX + "equipment.retirement-scheduled.v1";
    /** The equipment was retired and disposed of; recycling-service opens a disposal record. */
    public static final String EQUIPMENT_RETIRED = PREFIX + "equipment.retired.v1";
    /** A renewal investment was planned (renewal-demand list). */
    public static final String RENEWAL_INVESTMENT_PLANNED = PREFIX + "renewal.investment-planned.v1";
    /** A renewal investment was completed; counts toward the investment indicator. */
    public static final String RENEWAL_INVESTMENT_COMPLETED = PREFIX + "renewal.investment-completed.v1";

    private EquipmentEvents() {}
}
