package io.lodestar.warden.metrics;

import io.lodestar.protocol.v1.HostMetrics;
import io.quarkus.logging.Log;
import java.io.IOException;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import oshi.SystemInfo;
import oshi.hardware.CentralProcessor;
import oshi.hardware.GlobalMemory;
import oshi.hardware.HardwareAbstractionLayer;
import oshi.hardware.NetworkIF;

/**
 * The node's resources for each heartbeat, through OSHI: CPU use since the previous reading, the
 * 1-minute load, memory, the file system of the runtimes' data directory and network byte totals.
 * One instance per Warden, called from one thread.
 */
public final class HostMetricsReader {

    private final HardwareAbstractionLayer hardware;
    private final Path dataDir;
    private long[] previousTicks;

    public HostMetricsReader(SystemInfo system, Path dataDir) {
        this.hardware = system.getHardware();
        this.dataDir = dataDir;
    }

    /** Empty when the host cannot be read at all; a failing part is left out, the rest is sent. */
    public Optional<HostMetrics> read() {
        try {
            HostMetrics.Builder metrics = HostMetrics.newBuilder();
            CentralProcessor cpu = hardware.getProcessor();
            long[] ticks = cpu.getSystemCpuLoadTicks();
            if (previousTicks != null) {
                metrics.setCpuPercent(round(cpu.getSystemCpuLoadBetweenTicks(previousTicks) * 100));
            }
            previousTicks = ticks;
            double load = cpu.getSystemLoadAverage(1)[0];
            metrics.setLoad1M(load < 0 ? 0 : round(load));
            GlobalMemory memory = hardware.getMemory();
            metrics.setMemoryTotalBytes(memory.getTotal()).setMemoryUsedBytes(memory.getTotal() - memory.getAvailable());
            disk().ifPresent(store -> {
                try {
                    metrics.setDiskTotalBytes(store.getTotalSpace()).setDiskUsedBytes(store.getTotalSpace() - store.getUsableSpace());
                } catch (IOException e) {
                    Log.debugf("cannot read the size of %s: %s", dataDir, e.getMessage());
                }
            });
            long received = 0;
            long sent = 0;
            for (NetworkIF network : hardware.getNetworkIFs()) {
                if (network.queryNetworkInterface() != null && !isLoopback(network)) {
                    received += network.getBytesRecv();
                    sent += network.getBytesSent();
                }
            }
            return Optional.of(metrics.setNetworkReceivedBytes(received).setNetworkSentBytes(sent).build());
        } catch (RuntimeException e) {
            Log.debugf("cannot read host metrics: %s", e.getMessage());
            return Optional.empty();
        }
    }

    private Optional<FileStore> disk() {
        Path existing = dataDir.toAbsolutePath();
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        try {
            return existing == null ? Optional.empty() : Optional.of(Files.getFileStore(existing));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static boolean isLoopback(NetworkIF network) {
        try {
            return network.queryNetworkInterface().isLoopback();
        } catch (java.net.SocketException e) {
            return false;
        }
    }

    static double round(double value) {
        return Math.round(value * 100) / 100.0;
    }
}
