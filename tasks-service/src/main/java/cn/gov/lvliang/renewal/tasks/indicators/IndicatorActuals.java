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
import java.time.YearMonth;
import java.time.ZoneId;

/**
 * Applies one event of the bureau's stream to the indicator actuals (指标实际值): the same code
 * runs live (from the consumer) and when the indicators are rebuilt from {@code statistics_event},
 * so both give the same numbers.
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
     * @param sourceEventId the source event, named in {@code indicator.updated} when announced
     * @param announce publish {@code indicator.updated} (live); false when rebuilding
     */
    public void apply(CloudEvent event, String sourceEventId, boolean announce) {
        switch (event.type()) {
            case IndicatorEvents.VEHICLE_SCRAPPED -> {
                VehicleScrapped d = events.data(event, VehicleScrapped.class);
                indicators.add("SCRAPPED_CARS", d.county(), d.handoverDate(), BigDecimal.ONE, sourceEventId, announce);
            }
            case IndicatorEvents.USED_CAR_TRADED -> {
                UsedCarTraded d = events.data(event, UsedCarTraded.class);
                indicators.add("USED_CAR_TRADES", d.county(), d.tradeDate(), BigDecimal.ONE, sourceEventId, announce);
            }
            case IndicatorEvents.APPLIANCE_RECYCLED -> {
                ApplianceRecycled d = events.data(event, ApplianceRecycled.class);
                indicators.add(
                        "APPLIANCE_RECYCLING",
                        d.county(),
                        d.recordedOn(),
                        BigDecimal.valueOf(d.count()),
                        sourceEventId,
                        announce);
            }
            case IndicatorEvents.CLAIM_PAID -> {
                ClaimPaid d = events.data(event, ClaimPaid.class);
                indicators.add(
                        "SUBSIDY_SPEND",
                        d.county(),
                        d.paidAt().atZone(CHINA).toLocalDate(),
                        BigDecimal.valueOf(d.amountFen()),
                        sourceEventId,
                        announce);
            }
            case IndicatorEvents.INVESTMENT_COMPLETED -> {
                InvestmentCompleted d = events.data(event, InvestmentCompleted.class);
                indicators.add(
                        "EQUIPMENT_INVESTMENT",
                        d.county(),
                        d.completedOn(),
                        BigDecimal.valueOf(d.amountFen()),
                        sourceEventId,
                        announce);
            }
            case IndicatorEvents.INDICATOR_UPDATED -> {
                IndicatorUpdated d = events.data(event, IndicatorUpdated.class);
                if (d.source() == Indicator.Source.MANUAL) {
                    // Already stored by the API; setting it again keeps the value in commit order.
                    indicators.putManual(d.indicatorCode(), d.areaCode(), YearMonth.parse(d.period()), d.value());
                }
            }
            default -> {
                // Other events do not feed an indicator.
            }
        }
    }
}
