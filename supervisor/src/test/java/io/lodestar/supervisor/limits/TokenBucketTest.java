package io.lodestar.supervisor.limits;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TokenBucketTest {

    @Test
    void aFullBucketTakesABurstThenRefusesWithTheWaitForTheNextToken() {
        TokenBucket bucket = new TokenBucket(3, 6_000, 0); // 3 at once, then one every 2s
        assertThat(bucket.take(0)).isEqualTo(new TokenBucket.Take(true, 2, 0, 2));
        assertThat(bucket.take(0).remaining()).isEqualTo(1);
        assertThat(bucket.take(0)).isEqualTo(new TokenBucket.Take(true, 0, 0, 6));
        TokenBucket.Take refused = bucket.take(500);
        assertThat(refused.allowed()).isFalse();
        assertThat(refused.retryAfterSeconds()).isEqualTo(2); // 1.5s rounded up
        assertThat(bucket.take(1_999).allowed()).isFalse();
        assertThat(bucket.take(2_000).allowed()).isTrue();
    }

    @Test
    void refillingNeverGoesPastTheCapacity() {
        TokenBucket bucket = new TokenBucket(2, 1_000, 0);
        bucket.take(0);
        assertThat(bucket.take(3_600_000)).isEqualTo(new TokenBucket.Take(true, 1, 0, 1));
        assertThat(bucket.take(3_600_000).allowed()).isTrue();
        assertThat(bucket.take(3_600_000).allowed()).isFalse();
    }

    @Test
    void aRefusalAlwaysAsksToWaitAtLeastASecond() {
        TokenBucket bucket = new TokenBucket(1000, 1_000, 0);
        for (int i = 0; i < 1000; i++) {
            bucket.take(0);
        }
        assertThat(bucket.take(0).retryAfterSeconds()).isEqualTo(1);
    }

    @Test
    void anEmptyQuotaIsAConfigurationError() {
        assertThatThrownBy(() -> new TokenBucket(0, 1_000, 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
