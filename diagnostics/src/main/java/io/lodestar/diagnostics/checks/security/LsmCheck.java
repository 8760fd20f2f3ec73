package io.lodestar.diagnostics.checks.security;

import io.lodestar.diagnostics.Category;
import io.lodestar.diagnostics.CheckResult;
import io.lodestar.diagnostics.HostContext;
import io.lodestar.diagnostics.checks.AbstractCheck;
import io.lodestar.diagnostics.host.HostReader;

/** Which Linux security modules are active: SELinux or AppArmor denials explain many "permission denied" mysteries. */
public final class LsmCheck extends AbstractCheck {

    public LsmCheck() {
        super("security.lsm", "Linux security modules", Category.SECURITY);
    }

    @Override
    public CheckResult run(HostContext context) {
        HostReader host = context.host();
        String modules = host.value("/sys/kernel/security/lsm").orElse("unknown (securityfs not mounted)");
        String selinux = host.value("/sys/fs/selinux/enforce").map(v -> v.equals("1") ? "enforcing" : "permissive")
                .orElse("not enabled");
        String apparmor = host.value("/sys/module/apparmor/parameters/enabled").map(v -> v.equals("Y") ? "enabled" : "disabled")
                .orElse("not loaded");
        return CheckResult.info("SELinux " + selinux + ", AppArmor " + apparmor)
                .detail("lsm", modules)
                .detail("selinux", selinux)
                .detail("apparmor", apparmor)
                .build();
    }
}
