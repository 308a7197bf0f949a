package cn.gov.lvliang.renewal.tasks.indicators;

import cn.gov.lvliang.renewal.platform.events.CloudEvent;
import cn.gov.lvliang.renewal.platform.events.EventConsumer;
import cn.gov.lvliang.renewal.tasks.indicators.IndicatorEvents.ApplianceRecycled;
import cn.gov.lvliang.renewal.tasks.indicators.IndicatorEvents.ClaimPaid;
import cn.gov.lvliang.renewal.tasks.indicators.IndicatorEvents.InvestmentCompleted;
import cn.gov.lvliang.renewal.tasks.indicators.IndicatorEvents.UsedCarTraded;
import cn.gov.lvliang.renewal.tasks.indicators.IndicatorEvents.VehicleScrapped;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.time.ZoneId;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Turns the other services' events into indicator actuals, per county and month. Each event counts
 * once (inbox), however often it is delivered; unusable ones go to {@code <topic>.dlq}.
 */
@ApplicationScoped
public class IndicatorEventsConsumer {

    static final String CONSUMER = "indicator-actuals";
    /** Payment instants are counted in the month of Beijing time. */
    static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    private final EventConsumer events;
    private final IndicatorService indicators;

    public IndicatorEventsConsumer(EventConsumer events, IndicatorService indicators) {
        this.events = events;
        this.indicators = indicators;
    }

    @Incoming("recycling-events")
    @Blocking
    public void onRecycling(ConsumerRecord<String, String> record) {
        events.consume(CONSUMER, record, this::apply);
    }

    @Incoming("subsidy-events")
    @Blocking
    public void onSubsidy(ConsumerRecord<String, String> record) {
        events.consume(CONSUMER, record, this::apply);
    }

    @Incoming("equipment-events")
    @Blocking
    public void onEquipment(ConsumerRecord<String, String> record) {
        events.consume(CONSUMER, record, this::apply);
    }

    void apply(CloudEvent event) {
        switch (event.type()) {
            case IndicatorEvents.VEHICLE_SCRAPPED -> {
                VehicleScrapped d = events.data(event, VehicleScrapped.class);
                indicators.add("SCRAPPED_CARS", d.county(), d.handoverDate(), BigDecimal.ONE, event.id());
            }
            case IndicatorEvents.USED_CAR_TRADED -> {
                UsedCarTraded d = events.data(event, UsedCarTraded.class);
                indicators.add("USED_CAR_TRADES", d.county(), d.tradeDate(), BigDecimal.ONE, event.id());
            }
            case IndicatorEvents.APPLIANCE_RECYCLED -> {
                ApplianceRecycled d = events.data(event, ApplianceRecycled.class);
                indicators.add(
                        "APPLIANCE_RECYCLING", d.county(), d.recordedOn(), BigDecimal.valueOf(d.count()), event.id());
            }
            case IndicatorEvents.CLAIM_PAID -> {
                ClaimPaid d = events.data(event, ClaimPaid.class);
                indicators.add(
                        "SUBSIDY_SPEND",
                        d.county(),
                        d.paidAt().atZone(CHINA).toLocalDate(),
                        BigDecimal.valueOf(d.amountFen()),
                        event.id());
            }
            case IndicatorEvents.INVESTMENT_COMPLETED -> {
                InvestmentCompleted d = events.data(event, InvestmentCompleted.class);
                indicators.add(
                        "EQUIPMENT_INVESTMENT",
                        d.county(),
                        d.completedOn(),
                        BigDecimal.valueOf(d.amountFen()),
                        event.id());
            }
            default -> {
                // Other events do not feed an indicator; the inbox notes them as seen.
            }
        }
    }
}
