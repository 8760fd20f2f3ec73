package io.lodestar.supervisor.observe;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.lodestar.supervisor.common.DomainException;

/**
 * The span of metrics history asked for, and the step that keeps it to at most {@link #MAX_POINTS}
 * points per node whatever the span: one-minute steps for short windows, coarser ones for long windows,
 * and never finer than 15 minutes where only rolled-up points exist.
 */
public record MetricsWindow(String text, Duration span) {

    public static final int MAX_POINTS = 120;
    public static final Duration MAX_SPAN = Duration.ofDays(30);
    private static final Pattern FORMAT = Pattern.compile("(\\d{1,6})([mhd])");

    public static MetricsWindow parse(String raw) {
        String text = raw == null || raw.isBlank() ? "15m" : raw.trim();
        Matcher matcher = FORMAT.matcher(text);
        if (!matcher.matches()) {
            throw new DomainException.Invalid("window must be a number and a unit, m, h or d (such as 15m, 6h or 7d); got '"
                    + raw + "'.");
        }
        long amount = Long.parseLong(matcher.group(1));
        Duration span = switch (matcher.group(2)) {
            case "m" -> Duration.ofMinutes(amount);
            case "h" -> Duration.ofHours(amount);
            default -> Duration.ofDays(amount);
        };
        if (span.isZero() || span.compareTo(MAX_SPAN) > 0) {
            throw new DomainException.Invalid("window must be between 1m and 30d; got '" + raw + "'.");
        }
        return new MetricsWindow(text, span);
    }

    /** Seconds per history point: a whole number of minutes, at least 15 when the window reaches rolled-up points. */
    public long stepSeconds(Duration minutePointsRetention) {
        long seconds = span.toSeconds();
        long step = Math.max(60, ceilTo((seconds + MAX_POINTS - 1) / MAX_POINTS, 60));
        if (span.compareTo(minutePointsRetention) > 0) {
            step = Math.max(step, MetricsStore.ROLLUP_SECONDS);
        }
        return step;
    }

    private static long ceilTo(long value, long multiple) {
        return (value + multiple - 1) / multiple * multiple;
    }
}
