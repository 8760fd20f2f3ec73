package io.lodestar.diagnostics.checks.network;

import io.lodestar.diagnostics.Category;
import io.lodestar.diagnostics.CheckResult;
import io.lodestar.diagnostics.HostContext;
import io.lodestar.diagnostics.Status;
import io.lodestar.diagnostics.checks.AbstractCheck;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Each running runtime listens on its ports, holds them itself, and on which addresses (defaults: 127.0.0.1 only). */
public final class PortsCheck extends AbstractCheck {

    public PortsCheck() {
        super("net.ports", "Runtime ports listening", Category.NETWORK);
    }

    @Override
    public CheckResult run(HostContext context) {
        PortSurvey survey = PortSurvey.take(context);
        if (!survey.running(ExpectedPort.IGGY) && !survey.running(ExpectedPort.CONNECTORS)) {
            return CheckResult.skip("neither iggy-server nor iggy-connectors is running");
        }
        Status status = Status.PASS;
        List<String> missing = new ArrayList<>();
        List<String> loopbackOnly = new ArrayList<>();
        Map<String, String> details = new LinkedHashMap<>();
        for (ExpectedPort port : ExpectedPort.of(context)) {
            if (!survey.running(port.runtime())) {
                details.put(port.label(), "runtime not running");
                continue;
            }
            List<Listener> bound = survey.on(port);
            if (bound.isEmpty()) {
                status = Status.worst(status, Status.WARN);
                missing.add(port.label());
                details.put(port.label(), "not listening");
                continue;
            }
            boolean owned = bound.stream().anyMatch(l -> survey.ownedByRuntime(port, l));
            if (!owned && survey.runtimeFdsVisible(port.runtime())) {
                status = Status.FAIL;
                missing.add(port.label() + " (held by another process)");
            }
            if (bound.stream().allMatch(Listener::loopbackOnly)) {
                loopbackOnly.add(port.label());
            }
            details.put(port.label(), "on " + bound.stream().map(Listener::address).distinct().collect(Collectors.joining(", "))
                    + (owned ? " by the runtime" : survey.runtimeFdsVisible(port.runtime()) ? " by ANOTHER process" : " (owner not visible)"));
        }
        String summary = missing.isEmpty() ? "every running runtime's ports are listening" : "problem with " + String.join(", ", missing);
        if (!loopbackOnly.isEmpty()) {
            summary += "; loopback only (not reachable from other hosts): " + String.join(", ", loopbackOnly);
        }
        return CheckResult.of(status, summary).details(details)
                .remediation(status == Status.PASS ? "" : "Compare the runtime's config ([tcp]/[quic]/[http]/[websocket] enabled "
                        + "and address) with `ss -tulpn`; a port held by another process must be freed (see net.port_conflicts) "
                        + "and the runtime restarted.")
                .build();
    }
}
