package cn.gov.lvliang.renewal.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;

/** What the fault and replica tests check on the consuming side: each event applied once, none missing. */
final class AppliedOnce {

    static final String READ_MODEL = "scrap-certificate-read-model";
    static final String INDICATORS = "indicator-actuals";

    private AppliedOnce() {}

    /** The ids of the outbox events of {@code aggregates} (claims, certificate numbers) in {@code db}. */
    static List<String> eventIds(SuiteDatabase db, List<String> aggregates) {
        return db.column("select event_id::text from outbox_event where aggregate_id = any(?)", (Object)
                aggregates.toArray(String[]::new));
    }

    /** How many of {@code eventIds} {@code consumer} has not recorded in its inbox in {@code db}. */
    static long notYetIn(SuiteDatabase db, String consumer, List<String> eventIds) {
        long there = db.count(
                "select count(*) from inbox_event where consumer = ? and event_id = any(?)",
                consumer,
                eventIds.toArray(String[]::new));
        return eventIds.size() - there;
    }

    /**
     * One read-model row per certificate in tradein-subsidy-service, one inbox row for its event, and
     * a scrapped-cars indicator of {@code county} for the handover month that counted each once
     * (every certificate of that month and county is one of {@code certificates}).
     */
    static void certificates(
            SuiteDatabase recycling,
            SuiteDatabase subsidy,
            SuiteDatabase tasks,
            List<String> certificates,
            String county,
            LocalDate handover) {
        String[] numbers = certificates.toArray(String[]::new);
        assertThat(subsidy.count(
                        "select count(*) from scrap_certificate where certificate_number = any(?)", (Object) numbers))
                .isEqualTo(certificates.size());
        assertThat(subsidy.count(
                        "select count(distinct certificate_number) from scrap_certificate where certificate_number"
                                + " = any(?)",
                        (Object) numbers))
                .isEqualTo(certificates.size());
        List<String> events = eventIds(recycling, certificates);
        assertThat(events).hasSize(certificates.size());
        assertThat(subsidy.count(
                        "select count(*) from inbox_event where consumer = ? and event_id = any(?)",
                        READ_MODEL,
                        events.toArray(String[]::new)))
                .isEqualTo(certificates.size());
        assertThat(tasks.column(
                        "select value from indicator_value where indicator_code = 'SCRAPPED_CARS' and area_code = ?"
                                + " and period = ?",
                        county,
                        handover.withDayOfMonth(1)))
                .as("the scrapped-cars indicator counted each certificate once")
                .hasSize(1)
                .allSatisfy(value -> assertThat(Double.parseDouble(value)).isEqualTo((double) certificates.size()));
    }
}
