package io.lodestar.supervisor.agent;

import java.net.URI;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.lodestar.supervisor.SupervisorConfig;

/**
 * Where a node reaches this Supervisor: its public URL (to download the installer and the Warden)
 * and its gRPC address (to enroll and connect). Both are settings, and default to the address the
 * request came in on.
 */
@ApplicationScoped
public class InstallAddresses {

    @Inject
    SupervisorConfig config;

    @ConfigProperty(name = "quarkus.grpc.server.port", defaultValue = "9000")
    int grpcPort;

    /** {@code supervisor.enrollment.public-url}, else the scheme, host and port of {@code request}. */
    public String publicUrl(URI request) {
        String url = config.enrollment().publicUrl().orElse(request.getScheme() + "://" + request.getRawAuthority());
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    /** {@code supervisor.enrollment.advertised-address}, else the request's host and the gRPC port. */
    public String grpcAddress(URI request) {
        return config.enrollment().advertisedAddress().orElse(request.getHost() + ":" + grpcPort);
    }

    /** The one line an operator runs on a node as root; the script it fetches knows the rest. */
    public String installCommand(URI request, String token) {
        return "curl -fsSL " + publicUrl(request) + "/install/warden.sh | sudo sh -s -- --token " + token;
    }
}
