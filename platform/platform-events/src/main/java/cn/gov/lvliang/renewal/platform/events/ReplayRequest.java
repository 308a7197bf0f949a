package cn.gov.lvliang.renewal.platform.events;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Which dead letters to replay: one record ({@code partition} and {@code offset} on {@code
 * <topic>.dlq}), or, with neither, every one of this service's dead letters of {@code topic} not
 * applied yet.
 */
@Schema(name = "DeadLetterReplay", description = "重放死信 / replay dead letters")
public record ReplayRequest(
        @Schema(example = "equipment.events", description = "the source topic (not the .dlq)")
        @NotBlank
        @Pattern(regexp = TOPIC_PATTERN, message = TOPIC_MESSAGE)
        String topic,

        @Schema(example = "0") @PositiveOrZero Integer partition,
        @Schema(example = "12") @PositiveOrZero Long offset) {

    /** A Kafka topic name as the suite names them; for the listing's query parameter too. */
    public static final String TOPIC_PATTERN = "[a-z0-9][a-z0-9._-]{0,199}";

    public static final String TOPIC_MESSAGE = "{cn.gov.lvliang.renewal.topic.invalid}";
}
