package io.lodestar.diagnostics.checks.cpu;

/** Time the CPUs sat idle waiting for disk I/O: a slow or saturated disk under the log segments. */
public final class CpuIowaitCheck extends CpuShareCheck {

    static final double WARN_RATIO = 0.10;

    public CpuIowaitCheck() {
        super("cpu.iowait", "CPU I/O wait", "iowait", CpuTimes::iowait, WARN_RATIO,
                "Disks are the bottleneck: check `iostat -x 1` for the device holding the Iggy data directory and "
                        + "move it to faster storage (local NVMe) or reduce competing I/O.");
    }
}
