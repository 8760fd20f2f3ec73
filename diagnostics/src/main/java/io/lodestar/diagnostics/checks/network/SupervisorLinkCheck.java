package io.lodestar.diagnostics.checks.network;

import io.lodestar.diagnostics.Category;
import io.lodestar.diagnostics.CheckResult;
import io.lodestar.diagnostics.HostContext;
import io.lodestar.diagnostics.SupervisorLink;
import io.lodestar.diagnostics.checks.AbstractCheck;
import java.time.Duration;

/** The Warden's link to its Supervisor: connected, round trip, reconnects. */
public final class SupervisorLinkCheck extends AbstractCheck {

    static final Duration WARN_ROUND_TRIP = Duration.ofMillis(500);
    static final int WARN_RECONNECTS = 5;

    public SupervisorLinkCheck() {
        super("net.supervisor_link", "Supervisor link", Category.NETWORK);
    }

    @Override
    public CheckResult run(HostContext context) {
        if (context.link().isEmpty()) {
            return CheckResult.skip("no Supervisor link: diagnostics run standalone");
        }
        SupervisorLink link = context.link().get();
        String facts = "round trip " + link.roundTrip().toMillis() + " ms, " + link.reconnects() + " reconnect(s)";
        CheckResult.Builder result;
        if (!link.connected()) {
            result = CheckResult.fail("not connected to the Supervisor")
                    .remediation("Check the Supervisor URL in the Warden's config, that the Supervisor is up, and that "
                            + "this node can reach it (firewall, DNS, TLS; see certs.supervisor_link).");
        } else if (link.roundTrip().compareTo(WARN_ROUND_TRIP) > 0 || link.reconnects() > WARN_RECONNECTS) {
            result = CheckResult.warn("link unhealthy: " + facts)
                    .remediation("The path to the Supervisor is slow or flapping: check network latency and loss "
                            + "(`mtr <supervisor host>`) and any proxy or load balancer idle timeouts.");
        } else {
            result = CheckResult.pass("connected, " + facts);
        }
        return result.detail("connected", link.connected())
                .detail("round_trip_ms", link.roundTrip().toMillis())
                .detail("reconnects", link.reconnects())
                .build();
    }
}
