package cn.gov.lvliang.renewal.platform.events;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One replayed dead letter: its place on the DLQ, its event and what happened. */
@Schema(name = "ReplayedDeadLetter")
public record Replayed(int partition, long offset, String eventId, String consumer, DeadLetters.Outcome outcome) {}
