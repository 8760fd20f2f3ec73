package io.lodestar.warden.metrics;

import io.lodestar.protocol.v1.Runtime;
import io.lodestar.protocol.v1.RuntimeProcessMetrics;
import io.lodestar.protocol.v1.RuntimeStatus;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import oshi.SystemInfo;
import oshi.software.os.OSProcess;
import oshi.software.os.OperatingSystem;

/**
 * Adds to each runtime's heartbeat status what its process uses (state, resident memory, CPU since
 * the previous heartbeat, uptime) and how often it got a new process since the Warden started. One
 * instance per Warden, called from the heartbeat thread.
 */
public final class RuntimeMetricsReader {

    private final OperatingSystem os;
    private final Map<Runtime, Long> lastPid = new EnumMap<>(Runtime.class);
    private final Map<Runtime, Integer> restarts = new EnumMap<>(Runtime.class);
    private final Map<Runtime, OSProcess> previous = new EnumMap<>(Runtime.class);

    public RuntimeMetricsReader(SystemInfo system) {
        this.os = system.getOperatingSystem();
    }

    public List<RuntimeStatus> measure(List<RuntimeStatus> statuses) {
        List<RuntimeStatus> measured = new ArrayList<>(statuses.size());
        for (RuntimeStatus status : statuses) {
            RuntimeStatus.Builder builder = status.toBuilder().setRestarts(countRestart(status));
            if (status.getRunning() && status.getPid() > 0) {
                OSProcess process = os.getProcess((int) status.getPid());
                if (process != null) {
                    OSProcess before = previous.get(status.getRuntime());
                    double cpu = before != null && before.getProcessID() == process.getProcessID()
                            ? process.getProcessCpuLoadBetweenTicks(before) : process.getProcessCpuLoadCumulative();
                    builder.setProcess(RuntimeProcessMetrics.newBuilder()
                            .setState(process.getState().name())
                            .setRssBytes(process.getResidentMemory())
                            .setCpuPercent(HostMetricsReader.round(cpu * 100))
                            .setUptimeMs(process.getUpTime()));
                    previous.put(status.getRuntime(), process);
                }
            } else {
                previous.remove(status.getRuntime());
            }
            measured.add(builder.build());
        }
        return measured;
    }

    private int countRestart(RuntimeStatus status) {
        Runtime runtime = status.getRuntime();
        if (status.getPid() > 0) {
            Long last = lastPid.get(runtime);
            if (last != null && last != status.getPid()) {
                restarts.merge(runtime, 1, Integer::sum);
            }
            lastPid.put(runtime, status.getPid());
        }
        return restarts.getOrDefault(runtime, 0);
    }
}
