package io.lodestar.diagnostics.checks.os;

import io.lodestar.diagnostics.Category;
import io.lodestar.diagnostics.CheckResult;
import io.lodestar.diagnostics.HostContext;
import io.lodestar.diagnostics.checks.AbstractCheck;
import io.lodestar.diagnostics.host.HostReader;
import java.util.Locale;
import java.util.Optional;

/** Container or VM: limits, clocks and disks behave differently inside either. */
public final class VirtualizationCheck extends AbstractCheck {

    public VirtualizationCheck() {
        super("os.virtualization", "Virtualization and containers", Category.OS);
    }

    @Override
    public CheckResult run(HostContext context) {
        HostReader host = context.host();
        String container = detectContainer(host).orElse("none");
        String cgroup = host.exists("/sys/fs/cgroup/cgroup.controllers") ? "v2" : host.exists("/sys/fs/cgroup") ? "v1" : "unknown";
        boolean hypervisor = host.read("/proc/cpuinfo").map(VirtualizationCheck::hasHypervisorFlag).orElse(false);
        String vendor = host.value("/sys/class/dmi/id/sys_vendor").orElse("unknown");
        String product = host.value("/sys/class/dmi/id/product_name").orElse("unknown");
        String machine = hypervisor ? "virtual machine" : "no hypervisor flag";
        return CheckResult.info("container: " + container + ", " + machine + ", cgroup " + cgroup)
                .detail("container", container)
                .detail("hypervisor_flag", hypervisor)
                .detail("sys_vendor", vendor)
                .detail("product_name", product)
                .detail("cgroup", cgroup)
                .build();
    }

    public static Optional<String> detectContainer(HostReader host) {
        if (host.exists("/.dockerenv")) {
            return Optional.of("docker");
        }
        if (host.exists("/run/.containerenv")) {
            return Optional.of("podman");
        }
        return host.read("/proc/1/cgroup").flatMap(VirtualizationCheck::containerFromCgroup);
    }

    static Optional<String> containerFromCgroup(String cgroup) {
        String text = cgroup.toLowerCase(Locale.ROOT);
        for (String runtime : new String[] {"kubepods", "docker", "containerd", "lxc", "libpod"}) {
            if (text.contains(runtime)) {
                return Optional.of(runtime);
            }
        }
        return Optional.empty();
    }

    static boolean hasHypervisorFlag(String cpuinfo) {
        return cpuinfo.lines().anyMatch(l -> l.startsWith("flags") && l.matches(".*\\bhypervisor\\b.*"));
    }
}
