package io.lodestar.warden.runtime;

import java.time.Duration;

/** Durations as the drivers' messages write them: {@code 2m}, {@code 10s}, {@code 1500ms}. */
final class Durations {

    private Durations() {
    }

    static String format(Duration duration) {
        long ms = duration.toMillis();
        if (ms >= 60_000 && ms % 60_000 == 0) {
            return ms / 60_000 + "m";
        }
        return ms % 1000 == 0 ? ms / 1000 + "s" : ms + "ms";
    }
}
