package io.lodestar.supervisor.webhook;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.lodestar.supervisor.common.DomainException;

/**
 * Where the Supervisor may send webhooks. A URL that resolves to loopback, link-local (169.254.0.0/16, fe80::/10,
 * where cloud metadata services live) or a known metadata address is refused, unless
 * {@code supervisor.webhooks.allow-internal-targets} is on: otherwise anyone allowed to create a webhook could
 * make the Supervisor call its own host or read the cloud's instance credentials.
 */
@ApplicationScoped
public class WebhookTargets {

    /** Metadata services that are not link-local: Alibaba Cloud's and AWS's IPv6 one. */
    private static final Set<String> METADATA = Set.of("100.100.100.200", "fd00:ec2:0:0:0:0:0:254");

    @Inject
    WebhookConfig config;

    /** The URL, parsed and checked; a 400 naming the reason otherwise. */
    public URI check(String url) {
        URI uri;
        try {
            uri = new URI(url.strip());
        } catch (URISyntaxException e) {
            throw new DomainException.Invalid("url is not a valid URL: " + e.getMessage() + ".");
        }
        if (!"http".equalsIgnoreCase(uri.getScheme()) && !"https".equalsIgnoreCase(uri.getScheme())) {
            throw new DomainException.Invalid("url must start with http:// or https://; got '" + url + "'.");
        }
        if (uri.getHost() == null || uri.getHost().isBlank()) {
            throw new DomainException.Invalid("url has no host name; send a full URL such as https://hooks.example.com/lodestar.");
        }
        if (uri.getUserInfo() != null) {
            throw new DomainException.Invalid("url must not carry a user name or password; authenticate the deliveries by their"
                    + " signature instead.");
        }
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(uri.getHost());
        } catch (UnknownHostException e) {
            throw new DomainException.Invalid("url's host " + uri.getHost() + " does not resolve; check the name.");
        }
        if (!config.allowInternalTargets()) {
            for (InetAddress address : addresses) {
                String why = refusal(address);
                if (why != null) {
                    throw new DomainException.Invalid("url's host " + uri.getHost() + " resolves to " + address.getHostAddress() + ", "
                            + why + "; webhooks may not target it. An operator can allow such targets with"
                            + " supervisor.webhooks.allow-internal-targets=true.");
                }
            }
        }
        return uri;
    }

    static String refusal(InetAddress address) {
        if (address.isLoopbackAddress()) {
            return "a loopback address";
        }
        if (address.isAnyLocalAddress()) {
            return "the unspecified (any-local) address";
        }
        if (METADATA.contains(address.getHostAddress()) || address.getHostAddress().equals("169.254.169.254")) {
            return "a cloud metadata address";
        }
        if (address.isLinkLocalAddress()) {
            return "a link-local address (where cloud metadata services answer)";
        }
        return null;
    }
}
