package cn.gov.lvliang.renewal.platform.events;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.Objects;

/**
 * A CloudEvents 1.0 event in the JSON format (structured mode): the whole envelope is the Kafka
 * record's value, and the record key is the aggregate id.
 *
 * @param id unique per event; consumers deduplicate by it
 * @param source the emitting service, for example {@code /recycling-service}
 * @param type reverse-DNS and versioned, for example {@code cn.gov.lvliang.recycling.vehicle.scrapped.v1}
 * @param subject the aggregate the event is about, for example a certificate number
 * @param data the event's data; never plaintext personal data
 * @param traceparent the W3C trace context of the action that caused the event (CloudEvents
 *     distributed-tracing extension), or null when it had none; consumers continue that trace
 * @param tracestate vendor trace state that came with {@code traceparent}, or null
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CloudEvent(
        String specversion,
        String id,
        String source,
        String type,
        String subject,
        Instant time,
        String datacontenttype,
        String dataschema,
        JsonNode data,
        String traceparent,
        String tracestate) {

    public static final String SPEC_VERSION = "1.0";

    public CloudEvent {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(type, "type");
    }
}
