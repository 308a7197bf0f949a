package cn.gov.lvliang.renewal.subsidy.messaging;

import cn.gov.lvliang.renewal.platform.events.CloudEvent;

/**
 * A feature that follows this service's own {@code subsidy.events} (written through the outbox), as
 * a consumer of its own with a Kafka group of its own ({@link OwnEventsConsumer}): today the
 * applicant notices, which queue their messages in the event's inbox transaction.
 */
public interface OwnEventsListener {

    /** The stable consumer name its inbox rows carry, for example {@code applicant-notices}. */
    String consumer();

    /** False leaves the records unread (not even noted in the inbox): the feature is switched off. */
    boolean enabled();

    /** Applies one event, inside the inbox transaction. */
    void apply(CloudEvent event);
}
