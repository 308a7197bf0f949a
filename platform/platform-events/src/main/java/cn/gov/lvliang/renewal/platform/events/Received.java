package cn.gov.lvliang.renewal.platform.events;

import java.time.Instant;

/**
 * An event as a handler receives it: its data decoded into the record its handler registered, and
 * the envelope fields a handler may need. A feature never sees the raw Kafka record or the JSON.
 *
 * @param id the event's id (the inbox deduplicates by it)
 * @param type the CloudEvents type; only a handler of every type ({@link
 *     EventHandlers.Builder#otherwise}) has a use for it
 * @param subject the aggregate the event is about, when the producer named it
 * @param data the decoded and validated data
 */
public record Received<T>(String id, String type, String subject, Instant time, T data) {}
