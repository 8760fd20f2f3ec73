package io.lodestar.supervisor.observe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import io.lodestar.supervisor.common.DomainException;

class MetricsWindowTest {

    private static final Duration DAY = Duration.ofHours(24);

    @Test
    void shortWindowsUseOneMinuteSteps() {
        assertThat(MetricsWindow.parse("15m").stepSeconds(DAY)).isEqualTo(60);
        assertThat(MetricsWindow.parse("2h").stepSeconds(DAY)).isEqualTo(60);
        assertThat(MetricsWindow.parse(null).text()).isEqualTo("15m");
    }

    @Test
    void everyWindowFitsInAHundredAndTwentyPoints() {
        for (String window : new String[] {"1m", "3h", "6h", "24h", "25h", "2d", "7d", "30d"}) {
            MetricsWindow parsed = MetricsWindow.parse(window);
            long step = parsed.stepSeconds(DAY);
            assertThat(parsed.span().toSeconds() / step).as(window).isLessThanOrEqualTo(MetricsWindow.MAX_POINTS);
            assertThat(step % 60).as(window).isZero();
        }
    }

    @Test
    void windowsPastTheRawRetentionStepAtLeastFifteenMinutes() {
        assertThat(MetricsWindow.parse("25h").stepSeconds(DAY)).isEqualTo(900);
        assertThat(MetricsWindow.parse("24h").stepSeconds(DAY)).isEqualTo(720);
    }

    @Test
    void malformedOrOutOfRangeWindowsAreRefused() {
        for (String window : new String[] {"0m", "31d", "15", "15s", "abc", "-1h"}) {
            assertThatThrownBy(() -> MetricsWindow.parse(window)).as(window).isInstanceOf(DomainException.Invalid.class);
        }
    }
}
