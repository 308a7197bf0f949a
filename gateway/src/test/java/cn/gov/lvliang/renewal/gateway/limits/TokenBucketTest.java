package cn.gov.lvliang.renewal.gateway.limits;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TokenBucketTest {

    private static final long SECOND = 1_000_000_000L;

    @Test
    void passesCapacityRequestsAtOnceThenAsksToWaitForTheNextToken() {
        TokenBucket bucket = new TokenBucket(3, 2, 0);

        assertThat(bucket.take(0)).isZero();
        assertThat(bucket.take(0)).isZero();
        assertThat(bucket.take(0)).isZero();
        assertThat(bucket.take(0)).isEqualTo(SECOND / 2);
        assertThat(bucket.take(SECOND / 4)).isEqualTo(SECOND / 4);
        assertThat(bucket.take(SECOND / 2)).isZero();
    }

    @Test
    void refillsUpToCapacityOnly() {
        TokenBucket bucket = new TokenBucket(2, 1, 0);
        bucket.take(0);
        bucket.take(0);

        assertThat(bucket.isFull(100 * SECOND)).isTrue();
        assertThat(bucket.take(100 * SECOND)).isZero();
        assertThat(bucket.take(100 * SECOND)).isZero();
        assertThat(bucket.take(100 * SECOND)).isPositive();
    }

    @Test
    void oneClientsBucketDoesNotTouchAnothers() {
        TokenBucket a = new TokenBucket(1, 1, 0);
        TokenBucket b = new TokenBucket(1, 1, 0);
        a.take(0);

        assertThat(a.take(0)).isPositive();
        assertThat(b.take(0)).isZero();
    }
}
