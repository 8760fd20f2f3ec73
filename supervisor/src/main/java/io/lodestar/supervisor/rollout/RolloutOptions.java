package io.lodestar.supervisor.rollout;

import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.lodestar.supervisor.activity.TriggerActivityRequest;
import io.lodestar.supervisor.common.ActionSpec;
import io.lodestar.supervisor.common.DomainException;

/**
 * A request's rollout options as sent (each may be null), and how they resolve against the number of nodes, the
 * action and the Supervisor's defaults into a {@link Plan}. A bad value is a 400 naming its field.
 */
public record RolloutOptions(String strategy, String maxConcurrency, String maxErrors, String minHealthyTime,
        String quorumWait, String deliveryTimeout, String executionTimeout, Boolean quorumGuard) {

    /** The options of a request's body, as sent; no body means every default. */
    public static RolloutOptions of(TriggerActivityRequest body) {
        if (body == null) {
            return DEFAULTS;
        }
        return new RolloutOptions(body.strategy(), text(body.maxConcurrency(), "max_concurrency"),
                text(body.maxErrors(), "max_errors"), text(body.minHealthyTime(), "min_healthy_time"),
                text(body.quorumWait(), "quorum_wait"), text(body.deliveryTimeout(), "delivery_timeout"),
                text(body.executionTimeout(), "execution_timeout"), body.quorumGuard());
    }

    /** A count, a percentage or a duration arrives as a JSON number or a string; anything else is refused here. */
    private static String text(Object value, String field) {
        if (value == null || value instanceof String) {
            return (String) value;
        }
        if (value instanceof Number) {
            return value.toString();
        }
        throw new DomainException.Invalid(field + " must be a number or a string such as \"40%\" or \"10s\"; got "
                + (value instanceof java.util.Map ? "an object" : value instanceof java.util.List ? "an array" : value) + ".");
    }

    /** No option given: every default applies (the seed's {@code {}}). */
    public static final RolloutOptions DEFAULTS = new RolloutOptions(null, null, null, null, null, null, null, null);

    private static final Pattern COUNT = Pattern.compile("\\d{1,6}");
    private static final Pattern PERCENT = Pattern.compile("(\\d{1,3}(?:\\.\\d+)?)%");
    private static final Pattern DURATION = Pattern.compile("(\\d{1,9}(?:\\.\\d{1,3})?)(ms|s|m|h)?");
    private static final Duration LONGEST = Duration.ofHours(24);

    /** The options resolved: what the rollout will do, shown in its answer. */
    public record Plan(RolloutStrategy strategy, int maxConcurrency, int maxErrors, Duration minHealthyTime,
            Duration quorumWait, Duration deliveryTimeout, Duration executionTimeout, boolean quorumGuard) {
    }

    /** The Supervisor's defaults for what a request leaves out. */
    public record Defaults(Duration minHealthyTime, Duration quorumWait, Duration deliveryTimeout, Duration executionTimeout) {

        /** As a rollout's answer shows them, for a client that tells what an action will do before it is sent. */
        public java.util.Map<String, String> wire() {
            return java.util.Map.of("min_healthy_time", Durations.format(minHealthyTime), "quorum_wait",
                    Durations.format(quorumWait), "delivery_timeout", Durations.format(deliveryTimeout),
                    "execution_timeout", Durations.format(executionTimeout));
        }
    }

    /**
     * Restart and reconfigure on more than one node roll one node at a time with max_errors 0; everything else runs
     * in parallel. The quorum guard applies to restart and reconfigure, the actions that take a node down and
     * expect it back, unless the request turns it off ({@link #guard}).
     */
    public Plan resolve(ActionSpec action, int nodes, Defaults defaults) {
        boolean takesDownAndBack = action.kind() == ActionSpec.Kind.RESTART || action.kind() == ActionSpec.Kind.RECONFIGURE;
        RolloutStrategy chosen = strategy == null
                ? (takesDownAndBack && nodes > 1 ? RolloutStrategy.ROLLING : RolloutStrategy.PARALLEL)
                : parseStrategy(strategy);
        int concurrency = chosen == RolloutStrategy.PARALLEL ? nodes : 1;
        if (maxConcurrency != null) {
            concurrency = amount(maxConcurrency, nodes, "max_concurrency");
            if (concurrency < 1) {
                throw new DomainException.Invalid("max_concurrency must come to at least 1 node; '" + maxConcurrency
                        + "' of " + nodes + " node(s) is " + concurrency + ". Use a count such as 1 or a larger percentage.");
            }
            if (chosen == RolloutStrategy.PARALLEL && strategy != null && concurrency < nodes) {
                throw new DomainException.Invalid("max_concurrency " + maxConcurrency + " contradicts strategy parallel (every"
                        + " node at once); use strategy rolling to limit the nodes per batch.");
            }
            if (strategy == null && concurrency < nodes) {
                chosen = RolloutStrategy.ROLLING;
            }
        }
        concurrency = Math.min(concurrency, nodes);
        int errors = maxErrors == null ? (chosen == RolloutStrategy.ROLLING ? 0 : nodes) : amount(maxErrors, nodes, "max_errors");
        return new Plan(chosen, concurrency, errors,
                duration(minHealthyTime, "min_healthy_time", defaults.minHealthyTime()),
                duration(quorumWait, "quorum_wait", defaults.quorumWait()),
                positive(duration(deliveryTimeout, "delivery_timeout", defaults.deliveryTimeout()), "delivery_timeout"),
                positive(duration(executionTimeout, "execution_timeout", defaults.executionTimeout()), "execution_timeout"),
                guard(action, takesDownAndBack));
    }

    /**
     * Whether the quorum guard holds this rollout: where it applies, unless the request says false (the healthy nodes
     * of a cluster already past its margin, which must be restarted anyway, would otherwise wait out quorum_wait and
     * end rejected). Asking for it where it cannot apply is refused rather than shown as a guard that never acts.
     */
    private boolean guard(ActionSpec action, boolean applies) {
        if (quorumGuard == null) {
            return applies;
        }
        if (quorumGuard && !applies) {
            throw new DomainException.Invalid("quorum_guard applies only to restart and reconfigure, the actions that take"
                    + " a node down and expect it back; " + action.wireName() + " has none. Leave quorum_guard out or set"
                    + " it to false.");
        }
        if (!quorumGuard && quorumWait != null) {
            // Accepting it would show a wait that never happens: the caller meant one of the two.
            throw new DomainException.Invalid("quorum_wait is how long the quorum guard waits for a majority, and"
                    + " quorum_guard false turns the guard off; send one or the other.");
        }
        return quorumGuard;
    }

    private static RolloutStrategy parseStrategy(String value) {
        return switch (value) {
            case "rolling" -> RolloutStrategy.ROLLING;
            case "parallel" -> RolloutStrategy.PARALLEL;
            default -> throw new DomainException.Invalid("strategy must be rolling or parallel; got '" + value + "'.");
        };
    }

    /** A count, or a percentage of {@code nodes} rounded down. */
    static int amount(String value, int nodes, String field) {
        String text = value.trim();
        if (COUNT.matcher(text).matches()) {
            return Integer.parseInt(text);
        }
        Matcher percent = PERCENT.matcher(text);
        if (percent.matches()) {
            double share = Double.parseDouble(percent.group(1));
            if (share > 100) {
                throw new DomainException.Invalid(field + " must be a percentage of at most 100%; got '" + value + "'.");
            }
            return (int) Math.floor(nodes * share / 100.0);
        }
        throw new DomainException.Invalid(field + " must be a count (such as 2) or a percentage of the nodes (such as"
                + " \"40%\"); got '" + value + "'.");
    }

    /** "500ms", "10s", "2m", "1h", or a bare number of seconds; at most 24 hours. */
    static Duration duration(String value, String field, Duration fallback) {
        if (value == null) {
            return fallback;
        }
        Matcher matcher = DURATION.matcher(value.trim().toLowerCase(Locale.ROOT));
        if (!matcher.matches()) {
            throw new DomainException.Invalid(field + " must be a duration such as \"10s\", \"500ms\", \"2m\" or a number of"
                    + " seconds; got '" + value + "'.");
        }
        double number = Double.parseDouble(matcher.group(1));
        String unit = matcher.group(2) == null ? "s" : matcher.group(2);
        long millis = Math.round(number * switch (unit) {
            case "ms" -> 1;
            case "m" -> 60_000;
            case "h" -> 3_600_000;
            default -> 1_000;
        });
        Duration parsed = Duration.ofMillis(millis);
        if (parsed.compareTo(LONGEST) > 0) {
            throw new DomainException.Invalid(field + " must be at most 24h; got '" + value + "'.");
        }
        return parsed;
    }

    private static Duration positive(Duration value, String field) {
        if (value.isZero()) {
            throw new DomainException.Invalid(field + " must be longer than 0.");
        }
        return value;
    }
}
