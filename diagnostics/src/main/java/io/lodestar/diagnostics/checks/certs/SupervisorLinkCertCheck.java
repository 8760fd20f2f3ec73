package io.lodestar.diagnostics.checks.certs;

import io.lodestar.diagnostics.Category;
import io.lodestar.diagnostics.CheckResult;
import io.lodestar.diagnostics.HostContext;
import io.lodestar.diagnostics.checks.AbstractCheck;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** The client certificate the Warden presents to its Supervisor. */
public final class SupervisorLinkCertCheck extends AbstractCheck {

    public SupervisorLinkCertCheck() {
        super("certs.supervisor_link", "Supervisor link certificate", Category.CERTIFICATES);
    }

    @Override
    public CheckResult run(HostContext context) {
        Optional<Path> cert = context.link().flatMap(l -> l.certificate());
        if (cert.isEmpty()) {
            return CheckResult.skip(context.link().isEmpty() ? "no Supervisor link: diagnostics run standalone"
                    : "the Supervisor link uses no client certificate");
        }
        CertificateVerdict verdict = CertificateInspector.inspect(cert.get(), null, context.clock().instant(),
                context.probe().operatingSystem().hostname());
        return Verdicts.fold(List.of(verdict), "Re-enroll the node to get a fresh link certificate (the Warden renews "
                + "before expiry when connected; an expired one needs a new enrollment token).");
    }
}
