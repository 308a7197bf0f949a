package cn.gov.lvliang.renewal.platform.events;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Configuration of the outbox relay and the consumers ({@code suite.events.*}). */
@ConfigMapping(prefix = "suite.events")
public interface EventsConfig {

    /** The CloudEvents {@code source} of this service's events, for example {@code /recycling-service}. */
    String source();

    Relay relay();

    Consumer consumer();

    interface Relay {
        /** Off in tests that must not publish. */
        @WithDefault("true")
        boolean enabled();

        /** How often the relay looks for rows it was not woken for (other instances, retries). */
        @WithDefault("500ms")
        Duration pollInterval();

        @WithDefault("500")
        int batchSize();

        /** The longest pause between attempts while the broker is unreachable. */
        @WithDefault("10s")
        Duration maxBackoff();

        /** How long sent rows are kept before they are deleted. */
        @WithDefault("7d")
        Duration retention();
    }

    interface Consumer {
        /**
         * Attempts for an event whose failure is not known to be transient, before it goes to
         * the dead-letter topic. Transient failures (database unreachable) are retried without
         * limit: the event is not the problem.
         */
        @WithDefault("5")
        int maxAttempts();

        @WithDefault("200ms")
        Duration initialBackoff();

        @WithDefault("10s")
        Duration maxBackoff();
    }
}
