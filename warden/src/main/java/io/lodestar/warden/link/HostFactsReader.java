package io.lodestar.warden.link;

import io.lodestar.protocol.v1.HostFacts;
import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
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
                .addAllAddresses(addresses())
                .build();
    }

    /**
     * The addresses other nodes can reach this one on: non-loopback, non-link-local addresses of the
     * interfaces that are up, IPv4 first (an Iggy roster names one {@code ip} per replica).
     */
    static List<String> addresses() {
        List<InetAddress> found = new ArrayList<>();
        try {
            for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
                if (nic.isUp() && !nic.isLoopback()) {
                    Collections.list(nic.getInetAddresses()).stream()
                            .filter(a -> !a.isLoopbackAddress() && !a.isLinkLocalAddress() && !a.isAnyLocalAddress())
                            .forEach(found::add);
                }
            }
        } catch (SocketException e) {
            return List.of();
        }
        found.sort(Comparator.comparing((InetAddress a) -> a instanceof Inet4Address ? 0 : 1));
        return found.stream().map(InetAddress::getHostAddress).distinct().toList();
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
