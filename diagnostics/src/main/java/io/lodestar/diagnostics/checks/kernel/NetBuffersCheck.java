package io.lodestar.diagnostics.checks.kernel;

import io.lodestar.diagnostics.Category;
import io.lodestar.diagnostics.CheckResult;
import io.lodestar.diagnostics.HostContext;
import io.lodestar.diagnostics.checks.AbstractCheck;
import io.lodestar.diagnostics.checks.Sysctl;
import java.util.Optional;

/**
 * Socket buffer ceilings for QUIC. QUIC runs over UDP in user space, so the kernel's UDP buffer
 * is the only queue between the NIC and the server; quic-go recommends at least 7.5 MB
 * (7500000 bytes) for rmem_max and wmem_max, and the default ~208 KiB drops packets at speed.
 */
public final class NetBuffersCheck extends AbstractCheck {

    static final long MINIMUM = 7_500_000;

    public NetBuffersCheck() {
        super("kernel.net_buffers", "Socket buffers for QUIC", Category.KERNEL);
    }

    @Override
    public CheckResult run(HostContext context) {
        Optional<Long> rmem = Sysctl.readLong(context.host(), "net.core.rmem_max");
        Optional<Long> wmem = Sysctl.readLong(context.host(), "net.core.wmem_max");
        if (rmem.isEmpty() || wmem.isEmpty()) {
            return CheckResult.skip("net.core.rmem_max / wmem_max are not readable (network namespace without them?)");
        }
        boolean enough = rmem.get() >= MINIMUM && wmem.get() >= MINIMUM;
        String values = "rmem_max = " + rmem.get() + ", wmem_max = " + wmem.get();
        CheckResult.Builder result = enough
                ? CheckResult.pass(values + " (at least " + MINIMUM + ")")
                : CheckResult.warn(values + ": below " + MINIMUM + ", QUIC (UDP) will drop packets under load")
                        .remediation(Sysctl.persist("net.core.rmem_max", MINIMUM) + "; likewise net.core.wmem_max="
                                + MINIMUM + " (quic-go's recommendation for UDP receive/send buffers)");
        return result.detail("net.core.rmem_max", rmem.get()).detail("net.core.wmem_max", wmem.get())
                .detail("minimum", MINIMUM).build();
    }
}
