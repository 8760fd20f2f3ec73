package io.lodestar.warden.link;

import java.io.IOException;
import java.io.UncheckedIOException;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import io.grpc.BindableService;
import io.grpc.ManagedChannel;
import io.grpc.Server;
import io.grpc.inprocess.InProcessChannelBuilder;
import io.grpc.inprocess.InProcessServerBuilder;

/**
 * A fake Supervisor service served in-process, and the channel a Warden under test dials it on. As a
 * {@code @RegisterExtension} instance field it serves each test afresh and is closed after it.
 */
public final class InProcessSupervisor implements AutoCloseable, AfterEachCallback {

    private final Server server;
    private final ManagedChannel channel;

    public InProcessSupervisor(BindableService service) throws IOException {
        String name = InProcessServerBuilder.generateName();
        server = InProcessServerBuilder.forName(name).addService(service).build().start();
        channel = InProcessChannelBuilder.forName(name).build();
    }

    /** Serves {@code service} in-process; for field initialisers, which cannot throw checked exceptions. */
    public static InProcessSupervisor serving(BindableService service) {
        try {
            return new InProcessSupervisor(service);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public ManagedChannel channel() {
        return channel;
    }

    /** Takes the Supervisor away while the channel stays, as when it goes down under a Warden. */
    public void stopServer() {
        server.shutdownNow();
    }

    @Override
    public void close() {
        channel.shutdownNow();
        server.shutdownNow();
    }

    @Override
    public void afterEach(ExtensionContext context) {
        close();
    }
}
