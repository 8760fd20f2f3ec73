package io.lodestar.warden.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

class ActionDeadlineTest {

    private final Clock accepted = Clock.fixed(Instant.parse("2026-12-01T08:00:00Z"), ZoneOffset.UTC);

    @Test
    void aWaitIsBoundByWhicheverEndsFirstTheDeadlineOrItsOwnBound() {
        ActionDeadline deadline = ActionDeadline.after(accepted, 3_000);
        Clock oneSecondLater = Clock.offset(accepted, Duration.ofSeconds(1));
        assertThat(deadline.leftWithin(oneSecondLater, Duration.ofSeconds(30))).isEqualTo(Duration.ofSeconds(2));
        assertThat(deadline.leftWithin(oneSecondLater, Duration.ofMillis(500))).isEqualTo(Duration.ofMillis(500));
        assertThat(deadline.leftWithin(Clock.offset(accepted, Duration.ofSeconds(5)), Duration.ofSeconds(30))).isZero();
    }

    @Test
    void withoutAnExecutionTimeoutOnlyTheBoundCounts() {
        assertThat(ActionDeadline.NONE.leftWithin(accepted, Duration.ofMinutes(2))).isEqualTo(Duration.ofMinutes(2));
        assertThat(ActionDeadline.after(accepted, 0)).isSameAs(ActionDeadline.NONE);
    }
}
