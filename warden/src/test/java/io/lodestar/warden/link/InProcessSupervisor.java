package io.lodestar.warden.link;

import java.io.IOException;

import io.grpc.BindableService;
import io.grpc.ManagedChannel;
import io.grpc.Server;
import io.grpc.inprocess.InProcessChannelBuilder;
import io.grpc.inprocess.InProcessServerBuilder;

/** A fake Supervisor service served in-process, and the channel a Warden under test dials it on. */
public final class InProcessSupervisor implements AutoCloseable {

    private final Server server;
    private final ManagedChannel channel;

    public InProcessSupervisor(BindableService service) throws IOException {
        String name = InProcessServerBuilder.generateName();
        server = InProcessServerBuilder.forName(name).addService(service).build().start();
        channel = InProcessChannelBuilder.forName(name).build();
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
}
