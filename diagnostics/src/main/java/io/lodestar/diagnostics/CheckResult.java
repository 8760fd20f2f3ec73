package io.lodestar.diagnostics;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * What a check found: status, a one-line summary, key/value details in insertion order, and for
 * warn/fail a remediation a person can act on.
 */
public record CheckResult(Status status, String summary, Map<String, String> details, String remediation) {

    public CheckResult {
        Objects.requireNonNull(status, "status");
        if (summary == null || summary.isBlank()) {
            throw new IllegalArgumentException("a result needs a summary");
        }
        if ((status == Status.WARN || status == Status.FAIL) && (remediation == null || remediation.isBlank())) {
            throw new IllegalArgumentException("a " + status.label() + " result needs a remediation: " + summary);
        }
        details = Collections.unmodifiableMap(new LinkedHashMap<>(Objects.requireNonNull(details, "details")));
        remediation = remediation == null ? "" : remediation;
    }

    public static Builder pass(String summary) {
        return new Builder(Status.PASS, summary);
    }

    public static Builder info(String summary) {
        return new Builder(Status.INFO, summary);
    }

    public static Builder warn(String summary) {
        return new Builder(Status.WARN, summary);
    }

    public static Builder fail(String summary) {
        return new Builder(Status.FAIL, summary);
    }

    public static Builder of(Status status, String summary) {
        return new Builder(status, summary);
    }

    public static CheckResult skip(String reason) {
        return new CheckResult(Status.SKIP, reason, Map.of(), "");
    }

    public static CheckResult error(String message) {
        return new CheckResult(Status.ERROR, message, Map.of(), "");
    }

    /** Accumulates details before the result is fixed. */
    public static final class Builder {
        private final Status status;
        private final String summary;
        private final Map<String, String> details = new LinkedHashMap<>();
        private String remediation = "";

        private Builder(Status status, String summary) {
            this.status = status;
            this.summary = summary;
        }

        public Builder detail(String key, Object value) {
            details.put(key, String.valueOf(value));
            return this;
        }

        public Builder details(Map<String, String> more) {
            details.putAll(more);
            return this;
        }

        public Builder remediation(String text) {
            this.remediation = text;
            return this;
        }

        public CheckResult build() {
            return new CheckResult(status, summary, details, remediation);
        }
    }
}
