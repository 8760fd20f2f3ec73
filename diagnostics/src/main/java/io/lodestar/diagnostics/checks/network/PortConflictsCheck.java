package io.lodestar.diagnostics.checks.network;

import io.lodestar.diagnostics.Category;
import io.lodestar.diagnostics.CheckResult;
import io.lodestar.diagnostics.HostContext;
import io.lodestar.diagnostics.checks.AbstractCheck;
import java.util.ArrayList;
import java.util.List;

/** A runtime port held by some other process: the runtime cannot bind it when it (re)starts. */
public final class PortConflictsCheck extends AbstractCheck {

    public PortConflictsCheck() {
        super("net.port_conflicts", "Port conflicts", Category.NETWORK);
    }

    @Override
    public CheckResult run(HostContext context) {
        PortSurvey survey = PortSurvey.take(context);
        List<String> conflicts = new ArrayList<>();
        for (ExpectedPort port : ExpectedPort.of(context)) {
            boolean canJudge = !survey.running(port.runtime()) || survey.runtimeFdsVisible(port.runtime());
            for (Listener listener : survey.on(port)) {
                if (canJudge && !survey.ownedByRuntime(port, listener)) {
                    String owner = SocketTable.ownerOf(context.host(), listener.inode()).orElse("an unknown process");
                    conflicts.add(port.label() + " held by " + owner + " on " + listener.address());
                }
            }
        }
        if (conflicts.isEmpty()) {
            return CheckResult.pass("no other process holds a runtime port").build();
        }
        CheckResult.Builder result = CheckResult.fail(conflicts.size() + " runtime port(s) held by other processes: " + conflicts.get(0))
                .remediation("Stop the other process or move it to another port, or change the runtime's address in its "
                        + "config; `ss -tulpn | grep <port>` shows the holder.");
        for (int i = 0; i < conflicts.size(); i++) {
            result.detail("conflict_" + (i + 1), conflicts.get(i));
        }
        return result.build();
    }
}
