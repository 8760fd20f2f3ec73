package io.lodestar.diagnostics.checks.os;

import static org.assertj.core.api.Assertions.assertThat;

import io.lodestar.diagnostics.testing.Contexts;
import io.lodestar.diagnostics.testing.FakeHost;
import org.junit.jupiter.api.Test;

class VirtualizationCheckTest {

    @Test
    void detectsKubernetesFromPid1Cgroup() {
        FakeHost host = new FakeHost().file("/proc/1/cgroup", "0::/kubepods/burstable/pod1234/abcd\n");
        assertThat(VirtualizationCheck.detectContainer(host)).contains("kubepods");
    }

    @Test
    void detectsDockerFromDockerenvAndVmFromHypervisorFlag() {
        FakeHost host = new FakeHost().file("/.dockerenv", "")
                .file("/proc/cpuinfo", "processor : 0\nflags : fpu vme hypervisor lahf_lm\n")
                .file("/sys/fs/cgroup/cgroup.controllers", "cpu io memory\n");
        var result = new VirtualizationCheck().run(Contexts.of(host));
        assertThat(result.details()).containsEntry("container", "docker").containsEntry("hypervisor_flag", "true")
                .containsEntry("cgroup", "v2");
    }

    @Test
    void bareMetalHasNoContainerAndNoHypervisor() {
        FakeHost host = new FakeHost().file("/proc/1/cgroup", "0::/init.scope\n").file("/proc/cpuinfo", "flags : fpu vme\n");
        var result = new VirtualizationCheck().run(Contexts.of(host));
        assertThat(result.details()).containsEntry("container", "none").containsEntry("hypervisor_flag", "false");
    }
}
