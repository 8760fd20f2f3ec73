package io.lodestar.diagnostics.checks.network;

import io.lodestar.diagnostics.Category;
import io.lodestar.diagnostics.CheckResult;
import io.lodestar.diagnostics.HostContext;
import io.lodestar.diagnostics.checks.AbstractCheck;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Optional;

/** Name servers configured, and the node's own hostname resolves (clients and TLS SANs rely on it). */
public final class DnsCheck extends AbstractCheck {

    public DnsCheck() {
        super("net.dns", "DNS resolution", Category.NETWORK);
    }

    @Override
    public CheckResult run(HostContext context) {
        Optional<List<String>> resolvConf = context.host().lines("/etc/resolv.conf");
        List<String> servers = resolvConf.map(DnsCheck::parseNameservers).orElse(List.of());
        String hostname = context.probe().operatingSystem().hostname();
        try {
            List<InetAddress> addresses = context.probe().resolve(hostname);
            CheckResult.Builder result = servers.isEmpty() && resolvConf.isPresent()
                    ? CheckResult.warn(hostname + " resolves, but /etc/resolv.conf lists no nameserver")
                            .remediation("Add a `nameserver` line to /etc/resolv.conf (or fix systemd-resolved / DHCP) so "
                                    + "other names resolve too.")
                    : CheckResult.pass(hostname + " resolves to " + addresses.get(0).getHostAddress());
            return result.detail("hostname", hostname)
                    .detail("addresses", addresses.stream().map(InetAddress::getHostAddress).toList())
                    .detail("nameservers", servers.isEmpty() ? "none" : String.join(", ", servers))
                    .build();
        } catch (UnknownHostException e) {
            return CheckResult.fail("the node's hostname " + hostname + " does not resolve")
                    .detail("hostname", hostname)
                    .detail("nameservers", servers.isEmpty() ? "none" : String.join(", ", servers))
                    .remediation("Add the hostname to /etc/hosts (`127.0.1.1 " + hostname + "`) or to DNS; "
                            + "check /etc/resolv.conf and /etc/nsswitch.conf.")
                    .build();
        }
    }

    static List<String> parseNameservers(List<String> lines) {
        return lines.stream().map(String::strip).filter(l -> l.startsWith("nameserver"))
                .map(l -> l.substring("nameserver".length()).strip()).filter(s -> !s.isEmpty()).toList();
    }
}
