package io.lodestar.supervisor.common;

import java.util.Optional;

import io.quarkus.panache.common.Parameters;

/**
 * The where clause of a list query and its named parameters, built from one required condition and
 * the optional filters a caller gave: each present filter adds {@code and <condition>} and its value.
 */
public final class Where {
    private final StringBuilder clause;
    private final Parameters params;

    private Where(String condition, String name, Object value) {
        this.clause = new StringBuilder(condition);
        this.params = Parameters.with(name, value);
    }

    public static Where of(String condition, String name, Object value) {
        return new Where(condition, name, value);
    }

    /** Adds {@code condition}, whose parameter is {@code name}, when {@code value} is present. */
    public Where and(Optional<?> value, String condition, String name) {
        value.ifPresent(v -> {
            clause.append(" and ").append(condition);
            params.and(name, v);
        });
        return this;
    }

    public String clause() {
        return clause.toString();
    }

    /** The clause ordered by id, newest first: the order of every list. */
    public String newestFirst() {
        return clause + " order by id desc";
    }

    public Parameters params() {
        return params;
    }
}
