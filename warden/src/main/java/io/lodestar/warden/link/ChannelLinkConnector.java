package io.lodestar.warden.link;

import io.grpc.Channel;
import io.grpc.ManagedChannel;

/** Opens link streams on one gRPC channel, which keeps (and re-establishes) the connection. */
public final class ChannelLinkConnector implements LinkConnector {

    private final Channel channel;

    public ChannelLinkConnector(Channel channel) {
        this.channel = channel;
    }

    @Override
    public LinkStream open() {
        if (channel instanceof ManagedChannel managed) {
            // The link paces its own attempts; the channel's own backoff (up to two minutes)
            // must not delay the attempt after a Supervisor comes back.
            managed.resetConnectBackoff();
        }
        return GrpcLinkStream.open(channel);
    }
}
