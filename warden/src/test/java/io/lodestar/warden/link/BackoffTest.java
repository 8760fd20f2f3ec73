package io.lodestar.warden.link;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

class BackoffTest {

    /** Always the top of the range, to see the ceilings. */
    private static final RandomGenerator HIGHEST = new RandomGenerator() {
        @Override
        public long nextLong() {
            return 0;
        }

        @Override
        public long nextLong(long bound) {
            return bound - 1;
        }
    };

    @Test
    void ceilingsDoubleUpToTheMaximum() {
        Backoff backoff = new Backoff(Duration.ofMillis(500), Duration.ofSeconds(30), HIGHEST);
        List<Long> delays = new ArrayList<>();
        for (int i = 0; i < 9; i++) {
            delays.add(backoff.next().toMillis());
        }

        assertThat(delays).containsExactly(500L, 1000L, 2000L, 4000L, 8000L, 16000L, 30000L, 30000L, 30000L);
    }

    @Test
    void resetStartsOverAtTheInitialDelay() {
        Backoff backoff = new Backoff(Duration.ofMillis(500), Duration.ofSeconds(30), HIGHEST);
        backoff.next();
        backoff.next();

        backoff.reset();

        assertThat(backoff.next()).isEqualTo(Duration.ofMillis(500));
    }

    @Test
    void fullJitterSpreadsDelaysFromZeroToTheCeiling() {
        Backoff backoff = new Backoff(Duration.ofMillis(1000), Duration.ofMillis(1000), new Random(7));
        List<Long> delays = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            delays.add(backoff.next().toMillis());
        }

        assertThat(delays).allSatisfy(delay -> assertThat(delay).isBetween(0L, 1000L));
        assertThat(delays).anySatisfy(delay -> assertThat(delay).isLessThan(250L));
        assertThat(delays).anySatisfy(delay -> assertThat(delay).isGreaterThan(750L));
    }

    @Test
    void manyFailuresDoNotOverflow() {
        Backoff backoff = new Backoff(Duration.ofMillis(1), Duration.ofDays(1), HIGHEST);
        for (int i = 0; i < 200; i++) {
            backoff.next();
        }

        assertThat(backoff.next()).isEqualTo(Duration.ofDays(1));
    }

    @Test
    void shouldRejectAMaximumBelowTheInitialDelay() {
        assertThatThrownBy(() -> new Backoff(Duration.ofSeconds(2), Duration.ofSeconds(1), HIGHEST))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
