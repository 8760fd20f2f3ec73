package io.lodestar.supervisor.limits;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * What one caller may take of the Supervisor ({@code SUPERVISOR_LIMITS_RATE_READ_REQUESTS} …). The request
 * body's size is Quarkus' own {@code quarkus.http.limits.max-body-size}.
 */
@ConfigMapping(prefix = "supervisor.limits")
public interface LimitsConfig {

    Rate rate();

    /** The most nodes one request may name: a deployment's {@code agent_ids}, an action's {@code nodes}. */
    @WithDefault("500")
    int nodesPerRequest();

    /** How many log follows (server-sent events) one API key may hold open at once, on this replica. */
    @WithDefault("4")
    int logFollowsPerKey();

    /** The longest request line (method, path and query, version) in bytes; a longer one is a 414. */
    @WithDefault("4096")
    int requestLine();

    /** The most bytes of request headers, names and values; more is a 431. */
    @WithDefault("16384")
    int headerSize();

    /** Per API key and class of request, a token bucket: {@code requests} at once, refilled over {@code window}. */
    interface Rate {
        /** Off: no bucket is kept and no RateLimit header is sent. */
        @WithDefault("true")
        boolean enabled();

        /** Reads (GET, HEAD, OPTIONS): how many a key may send in a burst; the bucket refills in read-window. */
        @WithDefault("600")
        int readRequests();

        @WithDefault("1m")
        Duration readWindow();

        /** Actions and writes (POST, PUT, PATCH, DELETE), in a bucket of their own so reads never starve them. */
        @WithDefault("120")
        int writeRequests();

        @WithDefault("1m")
        Duration writeWindow();
    }
}
