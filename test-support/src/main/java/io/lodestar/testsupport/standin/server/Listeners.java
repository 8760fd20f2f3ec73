package io.lodestar.testsupport.standin.server;

import com.sun.net.httpserver.HttpServer;
import io.lodestar.testsupport.standin.config.InvalidConfigException;
import io.lodestar.testsupport.standin.config.ListenerConfig;
import io.lodestar.testsupport.standin.config.RuntimeConfig;
import java.io.Closeable;
import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;

/** Every enabled listener of a runtime, bound in config order; any bind failure is an invalid config. */
public final class Listeners implements Closeable {

    private final List<Closeable> open = new ArrayList<>();
    private final List<String> bound = new ArrayList<>();

    private Listeners() {
    }

    /** Binds every enabled listener, logging each; on failure closes what was bound and throws. */
    public static Listeners bind(RuntimeConfig config, RuntimeLog log, HttpEndpoints http)
            throws InvalidConfigException {
        Listeners listeners = new Listeners();
        try {
            for (ListenerConfig listener : config.listeners()) {
                if (!listener.enabled()) {
                    log.info(listener.spec().label() + " is disabled.");
                    continue;
                }
                listeners.open(listener, http);
                log.info(listener.spec().label() + " has started on: " + listener.address());
            }
        } catch (InvalidConfigException e) {
            listeners.close();
            throw e;
        }
        return listeners;
    }

    private void open(ListenerConfig listener, HttpEndpoints http)
            throws InvalidConfigException {
        InetSocketAddress address;
        try {
            address = listener.address().socketAddress();
        } catch (IllegalArgumentException e) {
            throw new InvalidConfigException("invalid [" + listener.section() + "] address '"
                    + listener.address() + "': " + e.getMessage());
        }
        try {
            switch (listener.protocol()) {
                case TCP -> open.add(new TcpListener(address));
                case UDP -> open.add(new DatagramSocket(address));
                case HTTP -> {
                    HttpServer server = HttpServer.create(address, 50);
                    server.createContext("/", http);
                    server.start();
                    open.add(() -> server.stop(0));
                }
            }
        } catch (IOException e) {
            throw new InvalidConfigException("cannot bind " + listener.spec().label() + " ([" + listener.section()
                    + "] address) to " + listener.address() + ": " + e.getMessage(), e);
        }
        bound.add(listener.section() + " " + listener.protocol().name().toLowerCase() + " " + listener.address());
    }

    /** One line per bound listener: {@code section protocol host:port}. */
    public List<String> bound() {
        return List.copyOf(bound);
    }

    /** Closes every listener, freeing its port. */
    @Override
    public void close() {
        for (Closeable closeable : open) {
            try {
                closeable.close();
            } catch (IOException e) {
                // exiting anyway: the port is freed with the process
            }
        }
        open.clear();
    }
}
