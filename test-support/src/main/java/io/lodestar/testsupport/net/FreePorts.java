package io.lodestar.testsupport.net;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Free loopback ports for tests that start real listeners. The ports of one call are distinct,
 * and no port is handed out twice in one JVM, so tests running side by side do not collide with
 * each other; another process may still take a port between this call and the bind.
 */
public final class FreePorts {

    private static final int ATTEMPTS = 20;
    private static final Set<Integer> HANDED_OUT = ConcurrentHashMap.newKeySet();

    private FreePorts() {
    }

    /** One free TCP port on 127.0.0.1. */
    public static int tcp() {
        return tcp(1)[0];
    }

    /** {@code count} distinct free TCP ports on 127.0.0.1. */
    public static int[] tcp(int count) {
        return find(count, false);
    }

    /** One free UDP port on 127.0.0.1. */
    public static int udp() {
        return udp(1)[0];
    }

    /** {@code count} distinct free UDP ports on 127.0.0.1. */
    public static int[] udp(int count) {
        return find(count, true);
    }

    /** Whether something accepts TCP connections on 127.0.0.1:{@code port} (half a second to answer). */
    public static boolean isListening(int port) {
        try (java.net.Socket socket = new java.net.Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static int[] find(int count, boolean udp) {
        if (count < 1) {
            throw new IllegalArgumentException("count must be positive: " + count);
        }
        int[] ports = new int[count];
        List<Closeable> held = new ArrayList<>();
        try {
            // hold every socket until all are found so the kernel cannot hand one out twice
            for (int i = 0; i < count; i++) {
                ports[i] = bindFresh(udp, held);
            }
        } finally {
            held.forEach(FreePorts::closeQuietly);
        }
        return ports;
    }

    private static int bindFresh(boolean udp, List<Closeable> held) {
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            try {
                InetSocketAddress any = new InetSocketAddress(InetAddress.getLoopbackAddress(), 0);
                int port;
                if (udp) {
                    DatagramSocket socket = new DatagramSocket(any);
                    held.add(socket);
                    port = socket.getLocalPort();
                } else {
                    ServerSocket socket = new ServerSocket();
                    held.add(socket);
                    socket.bind(any);
                    port = socket.getLocalPort();
                }
                if (HANDED_OUT.add(port)) {
                    return port;
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot bind a loopback port", e);
            }
        }
        throw new IllegalStateException("no fresh loopback port after " + ATTEMPTS + " attempts");
    }

    private static void closeQuietly(Closeable closeable) {
        try {
            closeable.close();
        } catch (IOException e) {
            // freeing a probe socket: nothing to do
        }
    }
}
