package io.lodestar.supervisor;

import java.time.Duration;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Supervisor settings; every key is also an environment variable (SUPERVISOR_DISPATCH_DEADLINE …). */
@ConfigMapping(prefix = "supervisor")
public interface SupervisorConfig {

    /** This replica's lease in the database (its id worker and its heartbeat to the other replicas). */
    Replica replica();

    interface Replica {
        /** How long a replica's lease lasts without a renewal; a replica silent this long is taken for dead. */
        @WithDefault("10s")
        Duration lease();

        /** How often the lease is renewed; at most half of {@link #lease()}. */
        @WithDefault("3s")
        Duration renewInterval();

        /**
         * Where the other replicas reach this one's REST API to relay log reads and follows of the nodes it holds
         * (http://sup-a.internal:8080). Defaults to http://, the address the API listens on (the host's name when it
         * listens on every address) and {@code quarkus.http.port}.
         */
        Optional<String> advertisedUrl();
    }

    /** How tasks reach the Wardens. */
    Dispatch dispatch();

    /** The Warden link's liveness settings, told to every Warden in its Welcome. */
    Link link();

    /** What the Supervisor creates on its first start. */
    Bootstrap bootstrap();

    interface Dispatch {
        /** How long a task may wait for its node before its activity is rejected ("node offline"). */
        @WithDefault("5m")
        Duration deadline();

        /**
         * How long past a task's execution timeout the Supervisor waits for its Warden's report before it ends the
         * task itself as {@code execution_timeout}: only for a Warden that never reports (gone, or too old to enforce
         * the timeout), since the Warden enforces the timeout and reports it.
         */
        @WithDefault("1m")
        Duration reportGrace();

        /** How often overdue tasks are looked for and undelivered ones re-pushed. */
        @WithDefault("1s")
        Duration sweepInterval();
    }

    /** How multi-node actions and deployment jobs roll across nodes (the defaults of a request's rollout options). */
    Rollout rollout();

    interface Rollout {
        /** How long a node must stay healthy after its action before the next batch starts ({@code min_healthy_time}). */
        @WithDefault("5s")
        Duration minHealthyTime();

        /** How long the quorum guard may hold a rollout before its remaining nodes end rejected ({@code quorum_wait}). */
        @WithDefault("5m")
        Duration quorumWait();

        /**
         * How long a node's Warden may take over its action once it accepted it ({@code execution_timeout}); past it
         * the Warden stops waiting, leaves the runtime as it is and the activity ends {@code execution_timeout}.
         */
        @WithDefault("10m")
        Duration executionTimeout();

        /** How often held rollouts and ended health gates are looked at (a backstop; gates end on their own timers). */
        @WithDefault("1s")
        Duration sweepInterval();
    }

    interface Link {
        /** How often each Warden sends a heartbeat. */
        @WithDefault("5s")
        Duration heartbeatInterval();

        /** A Warden silent for this long is marked offline and its stream closed. */
        @WithDefault("15s")
        Duration heartbeatTtl();
    }

    interface Bootstrap {
        /**
         * The admin API key to create on first start (at least 32 characters). When absent, a random key
         * is generated and printed once in the log.
         */
        Optional<String> adminKey();

        /** Where the generated admin key is also written (mode 0600), for scripts; empty to skip. */
        Optional<String> adminKeyFile();
    }

    /** Enrollment of new Wardens. */
    Enrollment enrollment();

    /** Reading the nodes' logs and keeping their metrics. */
    Observe observe();

    interface Observe {
        /** How long a log read waits for a node's Warden; a node slower than this is listed with an error. */
        @WithDefault("5s")
        Duration logTimeout();

        /** How often the latest heartbeat metrics of the nodes are written (one point per node each time). */
        @WithDefault("60s")
        Duration metricsInterval();

        /** How long one-minute points are kept before they are rolled up into 15-minute points. */
        @WithDefault("24h")
        Duration minutePointsRetention();

        /** How long 15-minute points are kept. */
        @WithDefault("168h")
        Duration rollupRetention();
    }

    interface Enrollment {
        /** How long an enrollment token stays usable. */
        @WithDefault("1h")
        Duration tokenTtl();

        /**
         * The gRPC address Wardens dial, as printed in install commands (host:port); defaults to the
         * host the API was called on and the gRPC port.
         */
        Optional<String> advertisedAddress();

        /**
         * The Supervisor's URL as nodes reach it (https://sup.example.com), used in the one-line
         * install command and by the installer to download the Warden; defaults to the URL the API
         * was called on.
         */
        Optional<String> publicUrl();

        /**
         * The folder holding the Warden's release bundles (lodestar-warden-VERSION-linux-ARCH.tar.gz
         * and its .sha256), served at /install; without it the installer's download answers 404.
         */
        Optional<String> bundleDir();
    }
}
