package cn.gov.lvliang.renewal.platform.events;

/**
 * A feature's subscriptions: a bean that registers its handlers, one line per event type, on the
 * registry that its service's consumer builds at start-up ({@link EventConsumer#subscription}).
 */
public interface EventSubscriber {
    void subscribe(EventHandlers.Builder handlers);
}
