package io.lodestar.warden.link;

import io.grpc.ManagedChannel;
import io.grpc.NameResolverRegistry;
import io.grpc.netty.GrpcSslContexts;
import io.grpc.netty.NettyChannelBuilder;
import io.lodestar.warden.config.WardenConfig;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLException;

/**
 * Builds the gRPC channel to the Supervisor (or to any of several, {@link SupervisorAddresses}); it
 * reconnects by itself when a call needs it.
 */
public final class Channels {

    private static final Duration KEEPALIVE_TIMEOUT = Duration.ofSeconds(20);
    /** Each Warden dials the addresses in an order of its own, so Wardens spread over the replicas. */
    private static final Map<String, ?> SHUFFLED_PICK_FIRST = Map.of("loadBalancingConfig",
            List.of(Map.of("pick_first", Map.of("shuffleAddressList", true))));

    static {
        NameResolverRegistry.getDefaultRegistry().register(new SupervisorAddresses());
    }

    private Channels() {
    }

    /** Where the Supervisor is (every address, when there are several), for messages. */
    public static String address(WardenConfig.Supervisor config) {
        return String.join(",", addresses(config));
    }

    private static List<String> addresses(WardenConfig.Supervisor config) {
        List<String> listed = config.addresses().orElse(List.of()).stream().map(String::strip).filter(a -> !a.isEmpty()).toList();
        return listed.isEmpty() ? List.of(config.host() + ":" + config.port()) : listed;
    }

    public static ManagedChannel build(WardenConfig.Supervisor config, String wardenVersion) {
        List<String> addresses = addresses(config);
        addresses.forEach(SupervisorAddresses::unresolved); // a bad entry fails at start, naming the setting
        NettyChannelBuilder builder = NettyChannelBuilder.forTarget(SupervisorAddresses.target(addresses))
                .defaultServiceConfig(SHUFFLED_PICK_FIRST)
                .userAgent("lodestar-warden/" + wardenVersion)
                .keepAliveTime(config.keepaliveTime().toMillis(), TimeUnit.MILLISECONDS)
                .keepAliveTimeout(KEEPALIVE_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        if (config.tls()) {
            builder.sslContext(sslContext(config)).useTransportSecurity();
        } else {
            builder.usePlaintext();
        }
        return builder.build();
    }

    private static SslContext sslContext(WardenConfig.Supervisor config) {
        SslContextBuilder builder = GrpcSslContexts.forClient();
        config.tlsCaFile().ifPresent(ca -> {
            if (!Files.isReadable(ca)) {
                throw new IllegalArgumentException("warden.supervisor.tls-ca-file: cannot read " + ca);
            }
            builder.trustManager(ca.toFile());
        });
        try {
            return builder.build();
        } catch (SSLException e) {
            throw new IllegalArgumentException("cannot set up TLS for the link: " + e.getMessage(), e);
        }
    }

    /** Shuts the channel down, waiting a little for calls in flight. */
    public static void close(ManagedChannel channel, Duration wait) {
        channel.shutdown();
        try {
            if (!channel.awaitTermination(wait.toMillis(), TimeUnit.MILLISECONDS)) {
                channel.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            channel.shutdownNow();
        }
    }
}
