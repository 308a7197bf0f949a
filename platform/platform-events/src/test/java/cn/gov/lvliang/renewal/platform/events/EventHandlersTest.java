package cn.gov.lvliang.renewal.platform.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import org.junit.jupiter.api.Test;

/** The registry's dispatch: typed handlers, runs of a batch handler, other types. */
class EventHandlersTest {

    private static final String A = "cn.gov.lvliang.test.a.happened.v1";
    private static final String B = "cn.gov.lvliang.test.b.happened.v1";
    private static final String C = "cn.gov.lvliang.test.c.happened.v1";
    private static final String OTHER = "cn.gov.lvliang.test.other.happened.v1";

    /** The data as the test decodes it: the type's last letter and the event id. */
    record Data(String kind, String eventId) {}

    private static final BiFunction<CloudEvent, Class<?>, Object> DECODE =
            (event, type) -> new Data(event.type().substring(20, 21), event.id());

    private final List<String> seen = new ArrayList<>();

    @Test
    void eachEventGoesToItsTypedHandlerInOrderAndOtherTypesArePassedOver() {
        EventHandlers handlers = EventHandlers.builder(DECODE)
                .on(A, Data.class, e -> seen.add("a:" + e.id() + ":" + e.data().kind()))
                .on(B, Data.class, e -> seen.add("b:" + e.id() + ":" + e.data().kind()))
                .build();

        handlers.dispatch(List.of(event("1", A), event("2", OTHER), event("3", B), event("4", A)));

        assertThat(seen).containsExactly("a:1:a", "b:3:b", "a:4:a");
        assertThat(handlers.types()).containsExactlyInAnyOrder(A, B);
    }

    @Test
    void consecutiveEventsOfOneBatchHandlerComeAsOneRunAndAnotherHandlerEndsTheRun() {
        BatchEventHandler<Data> batch = run -> seen.add("run:"
                + run.stream()
                        .map(e -> e.data().eventId())
                        .reduce((x, y) -> x + "," + y)
                        .orElse(""));
        EventHandlers handlers = EventHandlers.builder(DECODE)
                .onBatch(A, Data.class, batch)
                .onBatch(B, Data.class, batch)
                .on(C, Data.class, e -> seen.add("c:" + e.id()))
                .build();

        handlers.dispatch(
                List.of(event("1", A), event("2", B), event("3", OTHER), event("4", A), event("5", C), event("6", B)));

        // an unregistered type does not end a run; a handler of its own does
        assertThat(seen).containsExactly("run:1,2,4", "c:5", "run:6");
    }

    @Test
    void theHandlerOfEveryOtherTypeGetsTheTypeAndTheJsonData() {
        EventHandlers handlers = EventHandlers.builder(DECODE)
                .on(A, Data.class, e -> seen.add("a:" + e.id()))
                .otherwise(e ->
                        seen.add("other:" + e.type() + ":" + e.data().get("n").asInt()))
                .build();

        handlers.dispatch(List.of(event("1", OTHER), event("2", A)));

        assertThat(seen).containsExactly("other:" + OTHER + ":7", "a:2");
    }

    @Test
    void aTypeRegisteredTwiceIsAStartUpError() {
        EventHandlers.Builder builder = EventHandlers.builder(DECODE).on(A, Data.class, e -> {});

        assertThatThrownBy(() -> builder.onBatch(A, Data.class, run -> {}))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(A);
    }

    @Test
    void aDecodingFailureReachesTheCallerSoThatTheConsumerDeadLettersTheEvent() {
        EventHandlers handlers = EventHandlers.builder((event, type) -> {
                    throw new PoisonEventException("does not fit");
                })
                .on(A, Data.class, e -> seen.add("a"))
                .build();

        assertThatThrownBy(() -> handlers.dispatch(List.of(event("1", A)))).isInstanceOf(PoisonEventException.class);
        assertThat(seen).isEmpty();
    }

    private static CloudEvent event(String id, String type) {
        return new CloudEvent(
                CloudEvent.SPEC_VERSION,
                id,
                "/test",
                type,
                "subject",
                Instant.parse("2025-05-01T00:00:00Z"),
                "application/json",
                null,
                JsonNodeFactory.instance.objectNode().put("n", 7),
                null,
                null);
    }
}
