package io.lodestar.warden.link;

import io.lodestar.protocol.v1.HostFacts;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** What the Warden tells the Supervisor about its host. */
public final class HostFactsReader {

    private static final Path MEMINFO = Path.of("/proc/meminfo");
    private static final Path HOSTNAME = Path.of("/etc/hostname");

    private HostFactsReader() {
    }

    public static HostFacts read() {
        return HostFacts.newBuilder()
                .setHostname(hostname())
                .setOs(System.getProperty("os.name", "") + " " + System.getProperty("os.version", ""))
                .setArch(System.getProperty("os.arch", ""))
                .setCpuCount(Runtime.getRuntime().availableProcessors())
                .setMemoryBytes(memoryBytes())
                .build();
    }

    static String hostname() {
        String fromEnv = System.getenv("HOSTNAME");
        if (fromEnv != null && !fromEnv.isBlank()) {
            return fromEnv.trim();
        }
        try {
            if (Files.isReadable(HOSTNAME)) {
                String name = Files.readString(HOSTNAME).trim();
                if (!name.isEmpty()) {
                    return name;
                }
            }
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return "unknown";
        }
    }

    static long memoryBytes() {
        try {
            return Files.isReadable(MEMINFO) ? parseMemTotalBytes(Files.readAllLines(MEMINFO)) : 0;
        } catch (IOException e) {
            return 0;
        }
    }

    /** The {@code MemTotal} line of /proc/meminfo in bytes, 0 when absent. */
    static long parseMemTotalBytes(List<String> lines) {
        for (String line : lines) {
            if (line.startsWith("MemTotal:")) {
                String[] parts = line.substring("MemTotal:".length()).trim().split("\\s+");
                try {
                    long value = Long.parseLong(parts[0]);
                    return parts.length > 1 && parts[1].equalsIgnoreCase("kB") ? value * 1024 : value;
                } catch (NumberFormatException e) {
                    return 0;
                }
            }
        }
        return 0;
    }
}
