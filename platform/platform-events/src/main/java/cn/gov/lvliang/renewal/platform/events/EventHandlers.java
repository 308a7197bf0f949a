package cn.gov.lvliang.renewal.platform.events;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;

/**
 * The typed registry of a consumer (事件处理注册表): for each CloudEvents type, the record its data is
 * decoded into and the feature's handler that takes it. Replaces the {@code switch} on type strings
 * and the {@code instanceof} chains in consumers: a feature registers {@code on(TYPE, Record.class,
 * handler)} and receives a {@link Received} of that record.
 *
 * <p>{@link #dispatch} hands the events of one poll to their handlers in record order: an event to
 * its {@link EventHandler}, and each run of consecutive events taken by the same {@link
 * BatchEventHandler} to that handler together (events of types nobody registered do not break a
 * run). Events of other types are passed over (the inbox notes them as seen) unless a handler of
 * every other type is registered ({@link Builder#otherwise}). Decoding is {@link
 * EventConsumer#data}: data that does not fit its record is a {@link PoisonEventException}.
 */
public final class EventHandlers {

    private record Registration(Class<?> dataClass, EventHandler<Object> single, BatchEventHandler<Object> batch) {}

    private final Map<String, Registration> byType;
    private final EventHandler<JsonNode> otherwise;
    private final BiFunction<CloudEvent, Class<?>, Object> decoder;

    private EventHandlers(Builder builder) {
        this.byType = Map.copyOf(builder.byType);
        this.otherwise = builder.otherwise;
        this.decoder = builder.decoder;
    }

    /**
     * A registry to fill.
     *
     * @param decoder the event's data as the given record class (normally {@link EventConsumer#data})
     */
    public static Builder builder(BiFunction<CloudEvent, Class<?>, Object> decoder) {
        return new Builder(decoder);
    }

    /** The types with a handler of their own. */
    public Set<String> types() {
        return byType.keySet();
    }

    /** Hands {@code events} to their handlers, in order, in the caller's transaction. */
    public void dispatch(List<CloudEvent> events) {
        BatchEventHandler<Object> runHandler = null;
        List<Received<Object>> run = new ArrayList<>();
        for (CloudEvent event : events) {
            Registration registration = byType.get(event.type());
            if (registration == null && otherwise == null) {
                continue; // not for this consumer
            }
            if (registration == null || registration.batch() != runHandler) {
                flush(runHandler, run);
                runHandler = null;
            }
            if (registration == null) {
                otherwise.handle(received(event, event.data()));
            } else if (registration.batch() != null) {
                runHandler = registration.batch();
                run.add(received(event, decoder.apply(event, registration.dataClass())));
            } else {
                registration.single().handle(received(event, decoder.apply(event, registration.dataClass())));
            }
        }
        flush(runHandler, run);
    }

    private static void flush(BatchEventHandler<Object> handler, List<Received<Object>> run) {
        if (handler != null && !run.isEmpty()) {
            handler.handleAll(List.copyOf(run));
        }
        run.clear();
    }

    private static <T> Received<T> received(CloudEvent event, T data) {
        return new Received<>(event.id(), event.type(), event.subject(), event.time(), data);
    }

    /** Registers the handlers, one line per type; a type registered twice is a start-up error. */
    public static final class Builder {

        private final Map<String, Registration> byType = new LinkedHashMap<>();
        private final BiFunction<CloudEvent, Class<?>, Object> decoder;
        private EventHandler<JsonNode> otherwise;

        private Builder(BiFunction<CloudEvent, Class<?>, Object> decoder) {
            this.decoder = decoder;
        }

        /** Events of {@code type} decoded into {@code dataClass} go to {@code handler}, one at a time. */
        @SuppressWarnings("unchecked")
        public <T> Builder on(String type, Class<T> dataClass, EventHandler<T> handler) {
            return add(type, new Registration(dataClass, (EventHandler<Object>) (EventHandler<?>) handler, null));
        }

        /**
         * Events of {@code type} decoded into {@code dataClass} go to {@code handler} a run at a time;
         * register the same handler for several types to have their events in one run.
         */
        @SuppressWarnings("unchecked")
        public <T> Builder onBatch(String type, Class<? extends T> dataClass, BatchEventHandler<T> handler) {
            return add(type, new Registration(dataClass, null, (BatchEventHandler<Object>)
                    (BatchEventHandler<?>) handler));
        }

        /**
         * Every event of a type without a handler goes to {@code handler}, its data as JSON: for a
         * projection of a whole stream (tasks-service's statistics feed), not for a feature's rules.
         */
        public Builder otherwise(EventHandler<JsonNode> handler) {
            if (otherwise != null) {
                throw new IllegalStateException("a second handler of every other type");
            }
            otherwise = handler;
            return this;
        }

        private Builder add(String type, Registration registration) {
            if (byType.putIfAbsent(type, registration) != null) {
                throw new IllegalStateException("a second handler of " + type);
            }
            return this;
        }

        public EventHandlers build() {
            return new EventHandlers(this);
        }
    }
}
