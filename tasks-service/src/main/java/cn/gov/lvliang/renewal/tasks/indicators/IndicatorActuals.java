package cn.gov.lvliang.renewal.tasks.indicators;

import cn.gov.lvliang.renewal.platform.events.CloudEvent;
import cn.gov.lvliang.renewal.platform.events.EventConsumer;
import cn.gov.lvliang.renewal.tasks.indicators.IndicatorEvents.ApplianceRecycled;
import cn.gov.lvliang.renewal.tasks.indicators.IndicatorEvents.ClaimPaid;
import cn.gov.lvliang.renewal.tasks.indicators.IndicatorEvents.IndicatorUpdated;
import cn.gov.lvliang.renewal.tasks.indicators.IndicatorEvents.InvestmentCompleted;
import cn.gov.lvliang.renewal.tasks.indicators.IndicatorEvents.UsedCarTraded;
import cn.gov.lvliang.renewal.tasks.indicators.IndicatorEvents.VehicleScrapped;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;

/**
 * Applies one event of the bureau's stream to the indicator actuals (指标实际值): the same code
 * runs live (from the statistics feed's handler) and when the indicators are rebuilt from {@code
 * statistics_event}, so both give the same numbers. Each bureau type has its typed handler, with
 * the context of the call (the source event, whether to announce).
 */
@ApplicationScoped
public class IndicatorActuals {

    /** Payment instants are counted in the month of Beijing time. */
    static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    private final EventConsumer events;
    private final IndicatorService indicators;

    public IndicatorActuals(EventConsumer events, IndicatorService indicators) {
        this.events = events;
        this.indicators = indicators;
    }

    /**
     * Applies an event live: each addition is stored at once.
     *
     * @param sourceEventId the source event, named in {@code indicator.updated} when announced
     * @param announce publish {@code indicator.updated} (live); false when rebuilding
     */
    public void apply(CloudEvent event, String sourceEventId, boolean announce) {
        apply(event, new IndicatorSink() {
            @Override
            public void add(String code, String county, LocalDate day, BigDecimal delta) {
                indicators.add(code, county, day, delta, sourceEventId, announce);
            }

            @Override
            public void putManual(String code, String area, YearMonth month, BigDecimal value) {
                indicators.putManual(code, area, month, value);
            }
        });
    }

    /** Applies an event into a sink: the store (live) or the sums of a rebuild ({@link IndicatorSums}). */
    public void apply(CloudEvent event, IndicatorSink sink) {
        // Other events do not feed an indicator.
        events.handlers()
                .on(
                        IndicatorEvents.VEHICLE_SCRAPPED,
                        VehicleScrapped.class,
                        e -> sink.add(
                                "SCRAPPED_CARS", e.data().county(), e.data().handoverDate(), BigDecimal.ONE))
                .on(
                        IndicatorEvents.USED_CAR_TRADED,
                        UsedCarTraded.class,
                        e -> sink.add(
                                "USED_CAR_TRADES", e.data().county(), e.data().tradeDate(), BigDecimal.ONE))
                .on(
                        IndicatorEvents.APPLIANCE_RECYCLED,
                        ApplianceRecycled.class,
                        e -> sink.add(
                                "APPLIANCE_RECYCLING",
                                e.data().county(),
                                e.data().recordedOn(),
                                BigDecimal.valueOf(e.data().count())))
                .on(
                        IndicatorEvents.CLAIM_PAID,
                        ClaimPaid.class,
                        e -> sink.add(
                                "SUBSIDY_SPEND",
                                e.data().county(),
                                e.data().paidAt().atZone(CHINA).toLocalDate(),
                                BigDecimal.valueOf(e.data().amountFen())))
                .on(
                        IndicatorEvents.INVESTMENT_COMPLETED,
                        InvestmentCompleted.class,
                        e -> sink.add(
                                "EQUIPMENT_INVESTMENT",
                                e.data().county(),
                                e.data().completedOn(),
                                BigDecimal.valueOf(e.data().amountFen())))
                .on(IndicatorEvents.INDICATOR_UPDATED, IndicatorUpdated.class, e -> manual(e.data(), sink))
                .build()
                .dispatch(List.of(event));
    }

    private static void manual(IndicatorUpdated d, IndicatorSink sink) {
        if (d.source() == Indicator.Source.MANUAL) {
            // Already stored by the API; setting it again keeps the value in commit order.
            sink.putManual(d.indicatorCode(), d.areaCode(), YearMonth.parse(d.period()), d.value());
        }
    }
}
