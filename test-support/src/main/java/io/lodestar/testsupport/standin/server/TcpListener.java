package io.lodestar.testsupport.standin.server;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A TCP port that accepts connections and holds them open, discarding what clients send, until
 * the client or the runtime closes them. Enough for "port answering" health checks.
 */
final class TcpListener implements Closeable {

    private static final int MAX_HELD = 64;

    private final ServerSocket server;
    private final Set<Socket> held = ConcurrentHashMap.newKeySet();

    TcpListener(InetSocketAddress address) throws IOException {
        server = new ServerSocket();
        try {
            server.setReuseAddress(true);
            server.bind(address, 50);
        } catch (IOException e) {
            server.close();
            throw e;
        }
        daemon(this::acceptLoop, "tcp-accept-" + server.getLocalPort()).start();
    }

    int port() {
        return server.getLocalPort();
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try {
                Socket socket = server.accept();
                if (held.size() >= MAX_HELD) {
                    socket.close();
                    continue;
                }
                held.add(socket);
                daemon(() -> drainUntilClosed(socket), "tcp-conn-" + socket.getPort()).start();
            } catch (IOException e) {
                // closed while accepting: the loop condition ends it
            }
        }
    }

    private void drainUntilClosed(Socket socket) {
        byte[] buffer = new byte[4096];
        try (socket; InputStream in = socket.getInputStream()) {
            while (in.read(buffer) >= 0) {
                // discard: the stand-in does not speak the binary protocol
            }
        } catch (IOException e) {
            // client went away
        } finally {
            held.remove(socket);
        }
    }

    private static Thread daemon(Runnable body, String name) {
        Thread thread = new Thread(body, name);
        thread.setDaemon(true);
        return thread;
    }

    @Override
    public void close() throws IOException {
        server.close();
        for (Socket socket : held) {
            socket.close();
        }
    }
}
