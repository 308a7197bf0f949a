package cn.gov.lvliang.renewal.platform.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/** Builds the CloudEvents envelope of an outbox row, the same for single events and batches. */
@ApplicationScoped
class Envelopes {

    private final ObjectMapper json;
    private final EventsConfig config;
    private final Clock clock;

    Envelopes(ObjectMapper json, EventsConfig config, Clock clock) {
        this.json = json;
        this.config = config;
        this.clock = clock;
    }

    /** A new event of this service: a fresh id, the service as source, now (to the microsecond, as stored). */
    CloudEvent create(String type, String aggregateId, Object data) {
        return new CloudEvent(
                CloudEvent.SPEC_VERSION,
                UUID.randomUUID().toString(),
                config.source(),
                type,
                aggregateId,
                Instant.now(clock).truncatedTo(ChronoUnit.MICROS),
                "application/json",
                null,
                json.valueToTree(data));
    }

    /** The envelope as stored in {@code outbox_event.envelope} and published. */
    String serialise(CloudEvent event) {
        try {
            return json.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("event data cannot be serialised: " + event.type(), e);
        }
    }
}
