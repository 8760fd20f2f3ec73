package io.lodestar.diagnostics.checks.certs;

import io.lodestar.diagnostics.Category;
import io.lodestar.diagnostics.CheckResult;
import io.lodestar.diagnostics.HostContext;
import io.lodestar.diagnostics.checks.AbstractCheck;
import io.lodestar.diagnostics.checks.RuntimeProcesses;
import io.lodestar.diagnostics.checks.TomlConfig;
import io.lodestar.diagnostics.host.ProcessInfo;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Iggy's TLS certificates: the ones given in the context, otherwise each {@code cert_file} of a
 * TLS section the config enables ({@code [http.tls]}, {@code [websocket.tls]}, and
 * {@code [quic.certificate]} when not self-signed), with its {@code key_file}.
 */
public final class IggyTlsCheck extends AbstractCheck {

    public IggyTlsCheck() {
        super("certs.iggy_tls", "Iggy TLS certificates", Category.CERTIFICATES);
    }

    record CertAndKey(Path cert, Path key) {
    }

    @Override
    public CheckResult run(HostContext context) throws IOException {
        List<CertAndKey> configured;
        try {
            configured = context.iggy().tlsCertificates().isEmpty()
                    ? fromConfig(context) : context.iggy().tlsCertificates().stream().map(c -> new CertAndKey(c, null)).toList();
        } catch (TomlConfig.Invalid e) {
            return CheckResult.skip("cannot tell which TLS certificates Iggy uses: " + context.iggy().configPath().toAbsolutePath()
                    + " is not valid TOML (" + e.getMessage() + "); see runtime.iggy.config");
        }
        if (configured.isEmpty()) {
            return CheckResult.skip("no TLS certificate configured for Iggy (TLS disabled or self-signed QUIC)");
        }
        Instant now = context.clock().instant();
        String hostname = context.probe().operatingSystem().hostname();
        List<CertificateVerdict> verdicts = configured.stream()
                .map(c -> CertificateInspector.inspect(c.cert(), c.key(), now, hostname)).toList();
        return Verdicts.fold(verdicts, "Renew or replace the certificate (and its key) at the listed path, keeping the "
                + "SAN list covering the names clients use, then restart iggy-server.");
    }

    private static List<CertAndKey> fromConfig(HostContext context) throws IOException, TomlConfig.Invalid {
        Path config = context.iggy().configPath().toAbsolutePath();
        if (!Files.isRegularFile(config)) {
            return List.of();
        }
        Path base = RuntimeProcesses.iggy(context).map(ProcessInfo::workingDirectory).filter(d -> !d.isBlank())
                .map(Path::of).orElse(config.getParent());
        return enabledCertificates(TomlConfig.values(Files.readString(config, StandardCharsets.UTF_8)), base);
    }

    /** Relative paths are relative to the server's working directory. */
    static List<CertAndKey> enabledCertificates(Map<String, String> values, Path base) {
        List<CertAndKey> certs = new ArrayList<>();
        values.forEach((key, value) -> {
            if (!key.endsWith(".cert_file")) {
                return;
            }
            String table = key.substring(0, key.length() - ".cert_file".length());
            boolean used = "true".equals(values.get(table + ".enabled")) || "false".equals(values.get(table + ".self_signed"));
            if (used) {
                String keyFile = values.get(table + ".key_file");
                certs.add(new CertAndKey(base.resolve(value), keyFile == null ? null : base.resolve(keyFile)));
            }
        });
        return certs;
    }
}
