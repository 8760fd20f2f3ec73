package io.lodestar.diagnostics.checks.security;

import io.lodestar.diagnostics.Category;
import io.lodestar.diagnostics.CheckResult;
import io.lodestar.diagnostics.HostContext;
import io.lodestar.diagnostics.RuntimeSettings;
import io.lodestar.diagnostics.Status;
import io.lodestar.diagnostics.checks.AbstractCheck;
import io.lodestar.diagnostics.redact.Redactor;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.List;
import java.util.Set;

/** Config files that carry secrets (JWT secrets, root password, connector credentials) must not be world-readable. */
public final class ConfigPermissionsCheck extends AbstractCheck {

    public ConfigPermissionsCheck() {
        super("security.config_permissions", "Config file permissions", Category.SECURITY);
    }

    @Override
    public CheckResult run(HostContext context) throws IOException {
        List<Path> files = new ArrayList<>();
        for (RuntimeSettings runtime : context.runtimes()) {
            if (Files.isRegularFile(runtime.configPath())) {
                files.add(runtime.configPath().toAbsolutePath());
            }
        }
        if (files.isEmpty()) {
            return CheckResult.skip("no runtime config file on disk");
        }
        Status status = Status.PASS;
        List<String> exposed = new ArrayList<>();
        Map<String, String> details = new LinkedHashMap<>();
        for (Path file : files) {
            Set<PosixFilePermission> perms = Permissions.of(file);
            boolean secrets = Redactor.containsSecret(Files.readString(file, StandardCharsets.UTF_8));
            Status fileStatus = !Permissions.worldReadable(perms) ? Status.PASS : secrets ? Status.FAIL : Status.WARN;
            status = Status.worst(status, fileStatus);
            if (fileStatus != Status.PASS) {
                exposed.add(file + (secrets ? " (contains secrets)" : ""));
            }
            details.put(file.toString(), Permissions.text(perms) + ", owner " + Files.getOwner(file).getName()
                    + (secrets ? ", contains secrets" : ""));
        }
        String summary = exposed.isEmpty() ? "runtime config files are not world-readable"
                : "world-readable: " + String.join(", ", exposed);
        return CheckResult.of(status, summary).details(details)
                .remediation(status == Status.PASS ? "" : "`chmod 640 <file>` with the runtime's group, so only it "
                        + "and root can read the secrets; rotate any secret that other users could have read.")
                .build();
    }
}
