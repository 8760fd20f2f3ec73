package io.lodestar.diagnostics.checks.network;

import io.lodestar.diagnostics.host.HostReader;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Parses the kernel's socket tables and maps socket inodes to the processes holding them. */
final class SocketTable {

    private static final String TCP_LISTEN = "0A";

    private SocketTable() {
    }

    static List<Listener> read(HostReader host) {
        List<Listener> all = new ArrayList<>();
        for (String proto : new String[] {"tcp", "tcp6", "udp", "udp6"}) {
            host.lines("/proc/net/" + proto).ifPresent(lines -> all.addAll(parse(lines, proto.substring(0, 3))));
        }
        return all;
    }

    /** Lines look like {@code 0: 0100007F:1F9A 00000000:0000 0A ... uid timeout inode}; the first line is a header. */
    static List<Listener> parse(List<String> lines, String protocol) {
        List<Listener> listeners = new ArrayList<>();
        for (String line : lines.subList(Math.min(1, lines.size()), lines.size())) {
            String[] f = line.strip().split("\\s+");
            if (f.length < 10) {
                continue;
            }
            boolean bound = protocol.equals("tcp") ? f[3].equals(TCP_LISTEN) : f[2].endsWith(":0000");
            if (!bound) {
                continue;
            }
            String[] local = f[1].split(":");
            listeners.add(new Listener(protocol, decodeAddress(local[0]), Integer.parseInt(local[1], 16), Long.parseLong(f[9])));
        }
        return listeners;
    }

    /** The kernel prints each 32-bit word of the address in host (little-endian) byte order. */
    static String decodeAddress(String hex) {
        byte[] bytes = new byte[hex.length() / 2];
        for (int word = 0; word < bytes.length / 4; word++) {
            for (int b = 0; b < 4; b++) {
                int at = word * 8 + (3 - b) * 2;
                bytes[word * 4 + b] = (byte) Integer.parseInt(hex.substring(at, at + 2), 16);
            }
        }
        if (bytes.length == 4) {
            return (bytes[0] & 0xff) + "." + (bytes[1] & 0xff) + "." + (bytes[2] & 0xff) + "." + (bytes[3] & 0xff);
        }
        try {
            String text = java.net.InetAddress.getByAddress(bytes).getHostAddress();
            return text.equals("0:0:0:0:0:0:0:0") ? "::" : text.equals("0:0:0:0:0:0:0:1") ? "::1" : text;
        } catch (java.net.UnknownHostException e) {
            throw new IllegalArgumentException("not an address: " + hex, e);
        }
    }

    /** Socket inodes a process holds, from its {@code /proc/<pid>/fd} links ({@code socket:[12345]}). */
    static Set<Long> socketInodes(HostReader host, int pid) {
        Set<Long> inodes = new HashSet<>();
        String dir = "/proc/" + pid + "/fd";
        for (String fd : host.list(dir)) {
            host.readLink(dir + "/" + fd).flatMap(SocketTable::inodeOf).ifPresent(inodes::add);
        }
        return inodes;
    }

    static Optional<Long> inodeOf(String link) {
        return link.startsWith("socket:[") ? Optional.of(Long.parseLong(link.substring(8, link.length() - 1))) : Optional.empty();
    }

    /** Which process holds a socket: scans every process's fds, so only call it for a port already known to be taken. */
    static Optional<String> ownerOf(HostReader host, long inode) {
        for (String pid : host.list("/proc")) {
            if (pid.chars().allMatch(Character::isDigit) && socketInodes(host, Integer.parseInt(pid)).contains(inode)) {
                return Optional.of(host.value("/proc/" + pid + "/comm").orElse("?") + " (pid " + pid + ")");
            }
        }
        return Optional.empty();
    }
}
