package io.lodestar.diagnostics.checks.security;

import io.lodestar.diagnostics.Category;
import io.lodestar.diagnostics.CheckResult;
import io.lodestar.diagnostics.HostContext;
import io.lodestar.diagnostics.checks.AbstractCheck;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Set;

/** The data directory holds every message and the users/tokens state: other users should not read it, let alone write. */
public final class DataDirPermissionsCheck extends AbstractCheck {

    public DataDirPermissionsCheck() {
        super("security.data_dir_permissions", "Data directory permissions", Category.SECURITY);
    }

    @Override
    public CheckResult run(HostContext context) throws IOException {
        Path dir = context.iggy().dataDir().toAbsolutePath();
        if (!Files.isDirectory(dir)) {
            return CheckResult.skip("data directory " + dir + " does not exist");
        }
        Set<PosixFilePermission> perms = Permissions.of(dir);
        String owner = Files.getOwner(dir).getName();
        String mode = Permissions.text(perms);
        CheckResult.Builder result;
        if (Permissions.worldWritable(perms)) {
            result = CheckResult.fail(dir + " is world-writable (" + mode + ")")
                    .remediation("`chmod 750 " + dir + "` and make the runtime's user its owner.");
        } else if (Permissions.worldReadable(perms)) {
            result = CheckResult.warn(dir + " is readable by every user (" + mode + ")")
                    .remediation("`chmod o-rwx " + dir + "`: message payloads and user state should be private to the runtime's user.");
        } else {
            result = CheckResult.pass(dir + " is private to its owner and group (" + mode + ")");
        }
        return result.detail("path", dir).detail("mode", mode).detail("owner", owner).build();
    }
}
