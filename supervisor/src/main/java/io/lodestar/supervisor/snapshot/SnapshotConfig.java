package io.lodestar.supervisor.snapshot;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Snapshot settings ({@code SUPERVISOR_SNAPSHOTS_DEADLINE} …). */
@ConfigMapping(prefix = "supervisor.snapshots")
public interface SnapshotConfig {

    /** How long a node has to build and upload its bundle before its item ends failed. */
    @WithDefault("15m")
    Duration deadline();

    /** How often items past their plan's retention are deleted, archives included. */
    @WithDefault("1h")
    Duration retentionSweepInterval();
}
