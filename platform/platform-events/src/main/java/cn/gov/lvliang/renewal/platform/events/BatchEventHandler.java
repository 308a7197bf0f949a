package cn.gov.lvliang.renewal.platform.events;

import java.util.List;

/**
 * What a feature does with a run of events it registered with {@link EventHandlers.Builder#onBatch}:
 * the consecutive events of a poll that this handler takes, in record order, inside the poll's
 * inbox transaction. Lets a feature read and write for them at once (one query for all the
 * records it needs) instead of per event. One handler may take several types when their records
 * share {@code T}; a replayed or retried event comes alone, as a run of one.
 */
@FunctionalInterface
public interface BatchEventHandler<T> {
    void handleAll(List<Received<T>> events);
}
