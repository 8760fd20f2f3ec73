package io.lodestar.supervisor.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

class IdsTest {

    @Test
    void idsFromOneMillisecondAreUniqueAndIncreasing() {
        Ids ids = new Ids(3, Clock.fixed(Instant.parse("2026-03-16T12:00:00Z"), ZoneOffset.UTC));
        Set<Long> seen = new HashSet<>();
        long previous = 0;
        for (int i = 0; i < 10_000; i++) { // more than the 4,096 a millisecond holds: borrows the next ones
            long id = ids.next();
            assertThat(id).isGreaterThan(previous);
            assertThat(seen.add(id)).isTrue();
            previous = id;
        }
    }

    @Test
    void idsOrderByTimeAndLookLikeTheSeeds() {
        long id = new Ids(0, Clock.fixed(Instant.parse("2026-03-16T12:00:00Z"), ZoneOffset.UTC)).next();
        long later = new Ids(0, Clock.fixed(Instant.parse("2026-03-16T12:00:01Z"), ZoneOffset.UTC)).next();
        assertThat(later).isGreaterThan(id);
        assertThat(String.valueOf(id)).hasSize(18); // like 610809900976570889
    }

    @Test
    void workerMustFitTenBits() {
        assertThatThrownBy(() -> new Ids(1024, Clock.systemUTC())).hasMessageContaining("0 and 1023");
    }
}
