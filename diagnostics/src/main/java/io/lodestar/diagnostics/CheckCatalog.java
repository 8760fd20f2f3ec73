package io.lodestar.diagnostics;

import io.lodestar.diagnostics.checks.certs.CaBundleCheck;
import io.lodestar.diagnostics.checks.certs.IggyTlsCheck;
import io.lodestar.diagnostics.checks.certs.SupervisorLinkCertCheck;
import io.lodestar.diagnostics.checks.cpu.CpuIowaitCheck;
import io.lodestar.diagnostics.checks.iggy.ClusterMembershipCheck;
import io.lodestar.diagnostics.checks.iggy.ConnectorStatusCheck;
import io.lodestar.diagnostics.checks.iggy.MessagesMovingCheck;
import io.lodestar.diagnostics.checks.cpu.CpuLoadCheck;
import io.lodestar.diagnostics.checks.cpu.CpuStealCheck;
import io.lodestar.diagnostics.checks.cpu.CpuUsageCheck;
import io.lodestar.diagnostics.checks.kernel.FileMaxCheck;
import io.lodestar.diagnostics.checks.kernel.IoUringCheck;
import io.lodestar.diagnostics.checks.kernel.MaxMapCountCheck;
import io.lodestar.diagnostics.checks.kernel.NetBuffersCheck;
import io.lodestar.diagnostics.checks.kernel.OvercommitCheck;
import io.lodestar.diagnostics.checks.kernel.SomaxconnCheck;
import io.lodestar.diagnostics.checks.kernel.SwappinessCheck;
import io.lodestar.diagnostics.checks.kernel.TransparentHugepagesCheck;
import io.lodestar.diagnostics.checks.limits.MemlockCheck;
import io.lodestar.diagnostics.checks.limits.NofileCheck;
import io.lodestar.diagnostics.checks.logs.ConnectorsLogCheck;
import io.lodestar.diagnostics.checks.logs.IggyLogCheck;
import io.lodestar.diagnostics.checks.logs.KernelLogCheck;
import io.lodestar.diagnostics.checks.logs.WardenLogCheck;
import io.lodestar.diagnostics.checks.memory.MemoryAvailableCheck;
import io.lodestar.diagnostics.checks.memory.OomKillsCheck;
import io.lodestar.diagnostics.checks.memory.SwapCheck;
import io.lodestar.diagnostics.checks.network.DnsCheck;
import io.lodestar.diagnostics.checks.network.InterfacesCheck;
import io.lodestar.diagnostics.checks.network.PortConflictsCheck;
import io.lodestar.diagnostics.checks.network.PortsCheck;
import io.lodestar.diagnostics.checks.network.SupervisorLinkCheck;
import io.lodestar.diagnostics.checks.network.TcpRetransmitsCheck;
import io.lodestar.diagnostics.checks.os.KernelVersionCheck;
import io.lodestar.diagnostics.checks.os.OsInfoCheck;
import io.lodestar.diagnostics.checks.os.ProcessLimitsCheck;
import io.lodestar.diagnostics.checks.os.UptimeCheck;
import io.lodestar.diagnostics.checks.os.VirtualizationCheck;
import io.lodestar.diagnostics.checks.runtime.ConnectorsConfigCheck;
import io.lodestar.diagnostics.checks.runtime.HealthEndpointCheck;
import io.lodestar.diagnostics.checks.runtime.IggyConfigCheck;
import io.lodestar.diagnostics.checks.runtime.RuntimeProcessCheck;
import io.lodestar.diagnostics.checks.runtime.ServiceManagerCheck;
import io.lodestar.diagnostics.checks.runtime.WardenCheck;
import io.lodestar.diagnostics.checks.security.ConfigPermissionsCheck;
import io.lodestar.diagnostics.checks.security.DataDirPermissionsCheck;
import io.lodestar.diagnostics.checks.security.LsmCheck;
import io.lodestar.diagnostics.checks.security.RuntimeUserCheck;
import io.lodestar.diagnostics.checks.storage.DataDirCheck;
import io.lodestar.diagnostics.checks.storage.DiskInodesCheck;
import io.lodestar.diagnostics.checks.storage.DiskIoCheck;
import io.lodestar.diagnostics.checks.storage.DiskSpaceCheck;
import io.lodestar.diagnostics.checks.storage.FsTypeCheck;
import io.lodestar.diagnostics.checks.storage.MountOptionsCheck;
import io.lodestar.diagnostics.checks.time.TimeSyncCheck;
import io.lodestar.diagnostics.checks.time.TimezoneCheck;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The registry of every check, id to factory, in report order. Adding a check means one line
 * here; the conformance test then holds it to the metadata rules and the docs test to a
 * documented entry.
 */
public final class CheckCatalog {

    private static final Map<String, Supplier<Check>> FACTORIES = build();

    private CheckCatalog() {
    }

    private static Map<String, Supplier<Check>> build() {
        Map<String, Supplier<Check>> f = new LinkedHashMap<>();
        f.put("os.info", OsInfoCheck::new);
        f.put("os.kernel_version", KernelVersionCheck::new);
        f.put("os.uptime", UptimeCheck::new);
        f.put("os.virtualization", VirtualizationCheck::new);
        f.put("os.process_limits", ProcessLimitsCheck::new);
        f.put("cpu.load", CpuLoadCheck::new);
        f.put("cpu.usage", CpuUsageCheck::new);
        f.put("cpu.steal", CpuStealCheck::new);
        f.put("cpu.iowait", CpuIowaitCheck::new);
        f.put("memory.available", MemoryAvailableCheck::new);
        f.put("memory.swap", SwapCheck::new);
        f.put("memory.oom_kills", OomKillsCheck::new);
        f.put("disk.space", DiskSpaceCheck::new);
        f.put("disk.inodes", DiskInodesCheck::new);
        f.put("disk.data_dir", DataDirCheck::new);
        f.put("disk.fs_type", FsTypeCheck::new);
        f.put("disk.mount_options", MountOptionsCheck::new);
        f.put("disk.io", DiskIoCheck::new);
        f.put("net.interfaces", InterfacesCheck::new);
        f.put("net.ports", PortsCheck::new);
        f.put("net.port_conflicts", PortConflictsCheck::new);
        f.put("net.dns", DnsCheck::new);
        f.put("net.tcp_retransmits", TcpRetransmitsCheck::new);
        f.put("net.supervisor_link", SupervisorLinkCheck::new);
        f.put("kernel.somaxconn", SomaxconnCheck::new);
        f.put("kernel.file_max", FileMaxCheck::new);
        f.put("kernel.swappiness", SwappinessCheck::new);
        f.put("kernel.max_map_count", MaxMapCountCheck::new);
        f.put("kernel.net_buffers", NetBuffersCheck::new);
        f.put("kernel.transparent_hugepages", TransparentHugepagesCheck::new);
        f.put("kernel.overcommit", OvercommitCheck::new);
        f.put("kernel.io_uring", IoUringCheck::new);
        f.put("limits.nofile", NofileCheck::new);
        f.put("limits.memlock", MemlockCheck::new);
        f.put("time.sync", TimeSyncCheck::new);
        f.put("time.timezone", TimezoneCheck::new);
        f.put("runtime.iggy.process", () -> new RuntimeProcessCheck("runtime.iggy.process", "Iggy server process", HostContext::iggy));
        f.put("runtime.iggy.health", () -> new HealthEndpointCheck("runtime.iggy.health", "Iggy server ping", HostContext::iggy));
        f.put("runtime.iggy.config", IggyConfigCheck::new);
        f.put("runtime.iggy.cluster", ClusterMembershipCheck::new);
        f.put("runtime.iggy.messages", MessagesMovingCheck::new);
        f.put("runtime.connectors.process", () -> new RuntimeProcessCheck("runtime.connectors.process",
                "Connectors runtime process", HostContext::connectors));
        f.put("runtime.connectors.health", () -> new HealthEndpointCheck("runtime.connectors.health",
                "Connectors runtime health", HostContext::connectors));
        f.put("runtime.connectors.config", ConnectorsConfigCheck::new);
        f.put("runtime.connectors.status", ConnectorStatusCheck::new);
        f.put("runtime.warden", WardenCheck::new);
        f.put("runtime.service_manager", ServiceManagerCheck::new);
        f.put("certs.iggy_tls", IggyTlsCheck::new);
        f.put("certs.supervisor_link", SupervisorLinkCertCheck::new);
        f.put("certs.ca_bundle", CaBundleCheck::new);
        f.put("security.lsm", LsmCheck::new);
        f.put("security.data_dir_permissions", DataDirPermissionsCheck::new);
        f.put("security.config_permissions", ConfigPermissionsCheck::new);
        f.put("security.runtime_user", RuntimeUserCheck::new);
        f.put("logs.iggy_recent", IggyLogCheck::new);
        f.put("logs.connectors_recent", ConnectorsLogCheck::new);
        f.put("logs.kernel", KernelLogCheck::new);
        f.put("logs.warden", WardenLogCheck::new);
        return Collections.unmodifiableMap(f);
    }

    public static Map<String, Supplier<Check>> factories() {
        return FACTORIES;
    }

    public static List<String> ids() {
        return List.copyOf(FACTORIES.keySet());
    }

    /** A fresh instance of every registered check, in registry order. */
    public static List<Check> all() {
        return FACTORIES.values().stream().map(Supplier::get).toList();
    }
}
