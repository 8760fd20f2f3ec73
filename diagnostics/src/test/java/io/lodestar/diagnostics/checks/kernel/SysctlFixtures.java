package io.lodestar.diagnostics.checks.kernel;

import io.lodestar.diagnostics.CheckResult;
import io.lodestar.diagnostics.HostContext;
import io.lodestar.diagnostics.checks.AbstractCheck;
import io.lodestar.diagnostics.checks.Sysctl;
import io.lodestar.diagnostics.testing.Contexts;
import io.lodestar.diagnostics.testing.FakeHost;

final class SysctlFixtures {

    private SysctlFixtures() {
    }

    static HostContext with(String... nameValuePairs) {
        FakeHost host = new FakeHost();
        for (int i = 0; i < nameValuePairs.length; i += 2) {
            host.file(Sysctl.path(nameValuePairs[i]), nameValuePairs[i + 1] + "\n");
        }
        return Contexts.of(host);
    }

    static CheckResult run(AbstractCheck check, String... nameValuePairs) {
        try {
            return check.run(with(nameValuePairs));
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
