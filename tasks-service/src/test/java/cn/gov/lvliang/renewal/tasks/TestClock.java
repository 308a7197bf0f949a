package cn.gov.lvliang.renewal.tasks;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * The clock of the app under test: the real time unless a test sets it. Replaces platform-core's
 * default clock bean, so overdue flags and deadlines can be tested without waiting.
 */
public final class TestClock extends Clock {

    private static volatile Instant fixed;

    /** Sets the time the app sees. */
    public static void set(Instant instant) {
        fixed = instant;
    }

    /** Back to the real time. */
    public static void reset() {
        fixed = null;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }

    @Override
    public Instant instant() {
        Instant f = fixed;
        return f != null ? f : Instant.now();
    }

    /** Produces the test clock instead of the platform's default bean. */
    @ApplicationScoped
    public static class Producer {
        @Produces
        @Singleton
        Clock clock() {
            return new TestClock();
        }
    }
}
