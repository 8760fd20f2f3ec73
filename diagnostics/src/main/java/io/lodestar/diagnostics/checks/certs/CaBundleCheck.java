package io.lodestar.diagnostics.checks.certs;

import io.lodestar.diagnostics.Category;
import io.lodestar.diagnostics.CheckResult;
import io.lodestar.diagnostics.HostContext;
import io.lodestar.diagnostics.checks.AbstractCheck;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The system CA bundle that TLS clients on this node (the Warden, S3 archivers, connectors) verify against. */
public final class CaBundleCheck extends AbstractCheck {

    static final List<String> LOCATIONS = List.of("/etc/ssl/certs/ca-certificates.crt", "/etc/pki/tls/certs/ca-bundle.crt",
            "/etc/ssl/ca-bundle.pem", "/etc/ssl/cert.pem");

    public CaBundleCheck() {
        super("certs.ca_bundle", "System CA bundle", Category.CERTIFICATES);
    }

    @Override
    public CheckResult run(HostContext context) throws CertificateException {
        for (String location : LOCATIONS) {
            Optional<String> pem = context.host().read(location);
            if (pem.isPresent()) {
                List<X509Certificate> certs = CertificateInspector.parse(pem.get().getBytes(StandardCharsets.ISO_8859_1));
                Instant now = context.clock().instant();
                long expired = certs.stream().filter(c -> now.isAfter(c.getNotAfter().toInstant())).count();
                if (certs.isEmpty()) {
                    return CheckResult.fail(location + " holds no certificates")
                            .remediation("Reinstall the CA bundle: `apt install --reinstall ca-certificates` or "
                                    + "`dnf reinstall ca-certificates`, then `update-ca-certificates`.").build();
                }
                return CheckResult.pass(location + " holds " + certs.size() + " CA certificates")
                        .detail("path", location).detail("certificates", certs.size()).detail("expired", expired).build();
            }
        }
        return CheckResult.warn("no system CA bundle found")
                .detail("looked_in", String.join(", ", LOCATIONS))
                .remediation("Install the ca-certificates package; without it TLS connections to the Supervisor or "
                        + "object stores cannot be verified.")
                .build();
    }
}
