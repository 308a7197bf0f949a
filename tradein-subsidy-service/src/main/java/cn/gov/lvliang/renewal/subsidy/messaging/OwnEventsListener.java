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

    /**
     * Whether events of this CloudEvents type can concern the feature. A record whose {@code ce_type}
     * header names another type is passed over without being parsed or noted in the inbox (decision
     * 0057): {@link #apply} would do nothing with it.
     */
    boolean follows(String eventType);

    /** Applies one event, inside the inbox transaction. */
    void apply(CloudEvent event);
}
