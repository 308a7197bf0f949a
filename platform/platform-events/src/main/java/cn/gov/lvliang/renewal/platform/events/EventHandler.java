package cn.gov.lvliang.renewal.platform.events;

/**
 * What a feature does with one event of the type it registered ({@link EventHandlers.Builder#on}),
 * inside the consumer's inbox transaction. A {@link PoisonEventException} dead-letters the event;
 * any other exception has it retried, then dead-lettered (see {@link EventConsumer}).
 */
@FunctionalInterface
public interface EventHandler<T> {
    void handle(Received<T> event);
}
