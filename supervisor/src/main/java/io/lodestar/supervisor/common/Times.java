package io.lodestar.supervisor.common;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/** RFC 3339 UTC with second precision and a {@code Z} suffix, the one time format of the API. */
public final class Times {

    private static final DateTimeFormatter FORMAT = DateTimeFormatter.ISO_INSTANT;

    private Times() {
    }

    public static String format(Instant instant) {
        return instant == null ? null : FORMAT.format(instant.truncatedTo(ChronoUnit.SECONDS));
    }
}
