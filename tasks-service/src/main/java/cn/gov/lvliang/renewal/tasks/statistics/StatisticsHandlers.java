package cn.gov.lvliang.renewal.tasks.statistics;

import cn.gov.lvliang.renewal.platform.events.EventHandlers;
import cn.gov.lvliang.renewal.platform.events.EventSubscriber;
import cn.gov.lvliang.renewal.tasks.indicators.IndicatorActuals;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The statistics feed takes every event of the streams the service reads, in the consumer's inbox
 * transaction: it projects the event into the bureau's stream ({@link StatisticsFeed}, an
 * allow-list per source type) and applies the projected event to the indicator actuals.
 */
@ApplicationScoped
public class StatisticsHandlers implements EventSubscriber {

    private final StatisticsFeed feed;
    private final IndicatorActuals actuals;

    public StatisticsHandlers(StatisticsFeed feed, IndicatorActuals actuals) {
        this.feed = feed;
        this.actuals = actuals;
    }

    @Override
    public void subscribe(EventHandlers.Builder handlers) {
        handlers.otherwise(event -> feed.accept(event).ifPresent(bureau -> actuals.apply(bureau, event.id(), true)));
    }
}
