package io.lodestar.warden.link;

import io.grpc.EquivalentAddressGroup;
import io.grpc.NameResolver;
import io.grpc.NameResolverProvider;
import io.grpc.Status;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.Executor;

/**
 * Several Supervisors behind one gRPC channel: the target {@code lodestar-supervisors:///host:port,host:port}
 * resolves to every address of every host (a DNS name may give several), in the order given. The
 * channel's {@code pick_first} policy, with its address list shuffled per Warden so that Wardens spread
 * over the replicas, dials them one after another within one attempt: a replica that does not answer
 * costs only its connect timeout, and the link's long backoff applies only when none answers. Names
 * are resolved again whenever a connection is lost.
 */
public final class SupervisorAddresses extends NameResolverProvider {

    static final String SCHEME = "lodestar-supervisors";

    /** The channel target for these {@code host:port} addresses. */
    static String target(List<String> addresses) {
        return SCHEME + ":///" + String.join(",", addresses);
    }

    /** Parses {@code host:port} ({@code [v6]:port} too); a clear error names the setting. */
    static InetSocketAddress unresolved(String address) {
        int colon = address.lastIndexOf(':');
        if (colon <= 0 || colon == address.length() - 1) {
            throw new IllegalArgumentException("warden.supervisor.addresses: '" + address + "' is not host:port");
        }
        String host = address.substring(0, colon).replace("[", "").replace("]", "");
        try {
            return InetSocketAddress.createUnresolved(host, Integer.parseInt(address.substring(colon + 1)));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("warden.supervisor.addresses: '" + address + "' has no valid port", e);
        }
    }

    @Override
    protected boolean isAvailable() {
        return true;
    }

    @Override
    protected int priority() {
        return 5;
    }

    @Override
    public String getDefaultScheme() {
        return SCHEME;
    }

    @Override
    public Collection<Class<? extends SocketAddress>> getProducedSocketAddressTypes() {
        return List.of(InetSocketAddress.class);
    }

    @Override
    public NameResolver newNameResolver(URI target, NameResolver.Args args) {
        if (!SCHEME.equals(target.getScheme())) {
            return null;
        }
        List<InetSocketAddress> addresses = new ArrayList<>();
        for (String address : target.getPath().substring(1).split(",")) {
            addresses.add(unresolved(address.strip()));
        }
        return new Resolver(addresses, args.getOffloadExecutor() != null ? args.getOffloadExecutor() : Runnable::run);
    }

    private static final class Resolver extends NameResolver {

        private final List<InetSocketAddress> addresses;
        private final Executor executor;
        private Listener2 listener;

        Resolver(List<InetSocketAddress> addresses, Executor executor) {
            this.addresses = addresses;
            this.executor = executor;
        }

        @Override
        public String getServiceAuthority() {
            InetSocketAddress first = addresses.get(0);
            return first.getHostString() + ":" + first.getPort();
        }

        @Override
        public void start(Listener2 listener) {
            this.listener = listener;
            refresh();
        }

        @Override
        public void refresh() {
            executor.execute(this::resolve);
        }

        private void resolve() {
            List<EquivalentAddressGroup> groups = new ArrayList<>();
            List<String> unknown = new ArrayList<>();
            for (InetSocketAddress address : addresses) {
                try {
                    for (InetAddress resolved : InetAddress.getAllByName(address.getHostString())) {
                        groups.add(new EquivalentAddressGroup(new InetSocketAddress(resolved, address.getPort())));
                    }
                } catch (UnknownHostException e) {
                    unknown.add(address.getHostString());
                }
            }
            if (groups.isEmpty()) {
                listener.onError(Status.UNAVAILABLE.withDescription("none of the Supervisor addresses resolves: " + unknown));
                return;
            }
            listener.onResult(ResolutionResult.newBuilder().setAddresses(groups).build());
        }

        @Override
        public void shutdown() {
        }
    }
}
