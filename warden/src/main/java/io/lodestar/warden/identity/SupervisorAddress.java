package io.lodestar.warden.identity;

import java.util.Locale;

/**
 * Where the Supervisor's gRPC port is, as an operator writes it: {@code host:port}, or a URL
 * {@code grpc://host:port} / {@code http://host:port} (plain) or {@code grpcs://host:port} /
 * {@code https://host:port} (TLS). IPv6 addresses go in brackets: {@code [::1]:9000}.
 */
public record SupervisorAddress(String host, int port, boolean tls) {

    public static SupervisorAddress parse(String text) {
        String rest = text.strip();
        boolean tls = false;
        int scheme = rest.indexOf("://");
        if (scheme >= 0) {
            String name = rest.substring(0, scheme).toLowerCase(Locale.ROOT);
            tls = switch (name) {
                case "grpcs", "https" -> true;
                case "grpc", "http" -> false;
                default -> throw new IllegalArgumentException("--supervisor: unknown scheme '" + name
                        + "'; use host:port, grpc://host:port or grpcs://host:port (TLS)");
            };
            rest = rest.substring(scheme + 3);
            int slash = rest.indexOf('/');
            if (slash >= 0) {
                rest = rest.substring(0, slash);
            }
        }
        int colon = rest.lastIndexOf(':');
        if (colon <= 0 || colon == rest.length() - 1 || (rest.contains("]") && colon < rest.indexOf(']'))) {
            throw new IllegalArgumentException("--supervisor: expected the Supervisor's gRPC address as host:port "
                    + "(e.g. supervisor.example.com:9000), got '" + text + "'");
        }
        String host = rest.substring(0, colon);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        int port;
        try {
            port = Integer.parseInt(rest.substring(colon + 1));
        } catch (NumberFormatException e) {
            port = -1;
        }
        if (port < 1 || port > 65_535) {
            throw new IllegalArgumentException("--supervisor: '" + rest.substring(colon + 1) + "' is not a port number");
        }
        return new SupervisorAddress(host, port, tls);
    }

    @Override
    public String toString() {
        return (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
    }
}
