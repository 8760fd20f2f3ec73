package io.lodestar.supervisor.observe;

import io.lodestar.protocol.v1.Heartbeat;
import io.lodestar.protocol.v1.HostMetrics;
import io.lodestar.protocol.v1.Runtime;
import io.lodestar.protocol.v1.RuntimeProcessMetrics;
import io.lodestar.protocol.v1.RuntimeStatus;

/** Heartbeats as a measuring Warden sends them. */
final class MetricsFixtures {

    private MetricsFixtures() {
    }

    static Heartbeat heartbeat(double cpu, long rss) {
        return Heartbeat.newBuilder().setSeq(1)
                .setHostMetrics(HostMetrics.newBuilder().setCpuPercent(cpu).setLoad1M(0.5)
                        .setMemoryUsedBytes(2_000_000_000L).setMemoryTotalBytes(8_000_000_000L)
                        .setDiskUsedBytes(10_000_000_000L).setDiskTotalBytes(100_000_000_000L)
                        .setNetworkReceivedBytes(12_345).setNetworkSentBytes(6_789))
                .addRuntimes(RuntimeStatus.newBuilder().setRuntime(Runtime.RUNTIME_IGGY).setRunning(true).setPid(4242)
                        .setRestarts(1).setProcess(RuntimeProcessMetrics.newBuilder().setState("SLEEPING")
                                .setRssBytes(rss).setCpuPercent(3.5).setUptimeMs(60_000)))
                .build();
    }
}
