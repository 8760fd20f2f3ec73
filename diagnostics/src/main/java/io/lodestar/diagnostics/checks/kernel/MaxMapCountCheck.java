package io.lodestar.diagnostics.checks.kernel;

/** Memory-mapped regions per process: segment and index files are mapped, and many partitions need many maps. */
public final class MaxMapCountCheck extends MinimumSysctlCheck {

    static final long MINIMUM = 262_144;

    public MaxMapCountCheck() {
        super("kernel.max_map_count", "Memory map areas (max_map_count)", "vm.max_map_count", MINIMUM,
                "a server with many partitions can run out of memory maps and fail allocations");
    }
}
