package io.lodestar.diagnostics.checks.cpu;

/** Steal time is CPU the hypervisor gave to other guests: latency Iggy cannot fix itself. */
public final class CpuStealCheck extends CpuShareCheck {

    static final double WARN_RATIO = 0.05;

    public CpuStealCheck() {
        super("cpu.steal", "CPU steal time", "steal", CpuTimes::steal, WARN_RATIO,
                "The hypervisor is overcommitted: ask the provider for dedicated vCPUs or move to a larger or "
                        + "dedicated instance type.");
    }
}
