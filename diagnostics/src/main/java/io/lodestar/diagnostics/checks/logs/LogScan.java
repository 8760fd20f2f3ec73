package io.lodestar.diagnostics.checks.logs;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Counts errors and warnings in the tail of a log. Lines that start with an ISO-8601 timestamp
 * are counted only inside the window; lines without one are all counted, and the result says so.
 */
record LogScan(int lines, int errors, int warnings, boolean timestamped, List<String> excerpt) {

    static final int TAIL_BYTES = 256 * 1024;
    static final int EXCERPT_LINES = 20;
    static final Duration WINDOW = Duration.ofHours(1);

    private static final Pattern TIMESTAMP = Pattern.compile(
            "^\\W*(\\d{4}-\\d{2}-\\d{2}[T ]\\d{2}:\\d{2}:\\d{2}(?:\\.\\d+)?(?:Z|[+-]\\d{2}:?\\d{2}))");
    private static final Pattern ERROR = Pattern.compile("\\b(ERROR|FATAL|PANIC|panicked)\\b");
    private static final Pattern WARN = Pattern.compile("\\bWARN(ING)?\\b");

    static LogScan of(List<String> tail, Instant now) {
        Instant since = now.minus(WINDOW);
        int errors = 0;
        int warnings = 0;
        boolean timestamped = false;
        for (String line : tail) {
            Optional<Instant> at = timestampOf(line);
            timestamped |= at.isPresent();
            if (at.isPresent() && at.get().isBefore(since)) {
                continue;
            }
            if (ERROR.matcher(line).find()) {
                errors++;
            } else if (WARN.matcher(line).find()) {
                warnings++;
            }
        }
        List<String> excerpt = List.copyOf(tail.subList(Math.max(0, tail.size() - EXCERPT_LINES), tail.size()));
        return new LogScan(tail.size(), errors, warnings, timestamped, excerpt);
    }

    static Optional<Instant> timestampOf(String line) {
        Matcher m = TIMESTAMP.matcher(line);
        if (!m.find()) {
            return Optional.empty();
        }
        String text = m.group(1).replace(' ', 'T');
        try {
            return Optional.of(OffsetDateTime.parse(text.matches(".*[+-]\\d{4}$")
                    ? text.substring(0, text.length() - 2) + ":" + text.substring(text.length() - 2) : text).toInstant());
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    String scope() {
        return timestamped ? "in the last hour" : "in the last " + lines + " lines";
    }
}
