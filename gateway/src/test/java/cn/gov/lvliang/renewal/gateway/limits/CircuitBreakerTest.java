package cn.gov.lvliang.renewal.gateway.limits;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class CircuitBreakerTest {

    private static final long SECOND = 1_000_000_000L;

    @Test
    void opensAfterTheThresholdOfConsecutiveFailuresAndLetsCallsTryAgainAfterTheOpenDuration() {
        CircuitBreaker breaker = new CircuitBreaker(3, Duration.ofSeconds(10));
        breaker.failure(0);
        breaker.failure(0);
        assertThat(breaker.isOpen(0)).isFalse();

        breaker.failure(SECOND);
        assertThat(breaker.blockedFor(SECOND)).isEqualTo(10 * SECOND);
        assertThat(breaker.blockedFor(6 * SECOND)).isEqualTo(5 * SECOND);
        assertThat(breaker.isOpen(11 * SECOND)).isFalse();

        // The trial call fails: open again at once.
        breaker.failure(11 * SECOND);
        assertThat(breaker.isOpen(12 * SECOND)).isTrue();

        // A success closes it and resets the count.
        breaker.success();
        breaker.failure(30 * SECOND);
        assertThat(breaker.isOpen(30 * SECOND)).isFalse();
    }

    @Test
    void aSuccessBetweenFailuresResetsTheCount() {
        CircuitBreaker breaker = new CircuitBreaker(2, Duration.ofSeconds(1));
        breaker.failure(0);
        breaker.success();
        breaker.failure(0);

        assertThat(breaker.isOpen(0)).isFalse();
    }
}
