package cn.gov.lvliang.renewal.subsidy;

import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * The application's clock in tests (replaces platform-core's default bean): real time unless a
 * test pins it, so that rule dates, deadlines and overdue flags can be tried without waiting.
 */
@Singleton
public class MutableClock extends Clock {

    private volatile Instant pinned;

    public void pin(Instant instant) {
        this.pinned = instant;
    }

    public void advance(java.time.Duration by) {
        pinned = instant().plus(by);
    }

    public void reset() {
        pinned = null;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        Clock self = this;
        return new Clock() {
            @Override
            public ZoneId getZone() {
                return zone;
            }

            @Override
            public Clock withZone(ZoneId other) {
                return self.withZone(other);
            }

            @Override
            public Instant instant() {
                return self.instant();
            }
        };
    }

    @Override
    public Instant instant() {
        Instant p = pinned;
        return p == null ? Instant.now() : p;
    }
}
