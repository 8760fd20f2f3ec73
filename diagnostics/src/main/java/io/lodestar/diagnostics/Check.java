package io.lodestar.diagnostics;

/**
 * One diagnostic check. Implementations read the host only through the {@link HostContext}, so
 * each one runs on fixture data in its test. A check may throw: the runner turns the exception
 * into an {@link Status#ERROR} result rather than hiding it.
 */
public interface Check {

    /** Stable identifier, {@code <category prefix>.<name>}, e.g. {@code kernel.max_map_count}. */
    String id();

    /** Short human title shown in the report. */
    String title();

    Category category();

    CheckResult run(HostContext context) throws Exception;
}
