package io.lodestar.diagnostics;

import java.time.Duration;
import java.util.Objects;

/** A check's result together with the check's identity and how long it ran. */
public record Finding(String id, String title, Category category, CheckResult result, Duration elapsed) {

    public Finding {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(result, "result");
        Objects.requireNonNull(elapsed, "elapsed");
    }

    public static Finding of(Check check, CheckResult result, Duration elapsed) {
        return new Finding(check.id(), check.title(), check.category(), result, elapsed);
    }

    public Status status() {
        return result.status();
    }
}
