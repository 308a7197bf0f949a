package cn.gov.lvliang.renewal.platform.events;

import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * One dead-lettered record as an operator sees it: where it lies on the DLQ, why it is there, and
 * the event's envelope. The event's data is never shown.
 *
 * @param partition the record's partition on {@code <topic>.dlq}
 * @param offset the record's offset there; with {@code partition}, what a replay names
 * @param applied whether this service's consumer has applied the event since (replayed, or
 *     delivered again): then nothing is left to do
 */
@Schema(name = "DeadLetter", description = "死信记录（仅信封字段）/ a dead-lettered record, envelope fields only")
public record DeadLetter(
        int partition,
        long offset,
        String key,
        @Schema(example = "disposal-records") String consumer,
        String reason,
        Instant deadLetteredAt,
        @Schema(example = "equipment.events") String sourceTopic,
        int sourcePartition,
        long sourceOffset,
        String eventId,

        @Schema(example = "cn.gov.lvliang.equipment.equipment.retired.v1")
        String eventType,

        String eventSource,
        String subject,
        Instant eventTime,
        boolean applied) {}
