package io.lodestar.diagnostics.testing;

import io.lodestar.diagnostics.host.FileStoreInfo;
import io.lodestar.diagnostics.host.HostProbe;
import io.lodestar.diagnostics.host.OsSummary;
import io.lodestar.diagnostics.host.ProcessInfo;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Fixed OSHI-level facts for checks under test. */
public final class FakeProbe implements HostProbe {

    private OsSummary os = new OsSummary("Debian GNU/Linux", "12", "bookworm", "6.1.0", 64, "amd64", "node-1");
    private final List<FileStoreInfo> stores = new ArrayList<>();
    private final Map<String, List<ProcessInfo>> processes = new HashMap<>();
    private ProcessInfo current = process(4242, "java", "1000");
    private final Map<String, List<InetAddress>> names = new HashMap<>();

    public static ProcessInfo process(int pid, String name, String uid) {
        return new ProcessInfo(pid, name, "/usr/bin/" + name, "/usr/bin/" + name, uid.equals("0") ? "root" : "iggy", uid,
                64L << 20, Duration.ofHours(3), 120, 1_048_576, 1_048_576, "/var/lib/iggy");
    }

    public static FileStoreInfo store(String mount, String type, long total, long usable) {
        return new FileStoreInfo(mount, "/dev/sda1", type, "rw,relatime", total, usable, 1_000_000, 900_000);
    }

    public FakeProbe os(OsSummary summary) {
        this.os = summary;
        return this;
    }

    public FakeProbe store(FileStoreInfo store) {
        stores.add(store);
        return this;
    }

    public FakeProbe running(ProcessInfo process) {
        processes.computeIfAbsent(process.name(), n -> new ArrayList<>()).add(process);
        return this;
    }

    public FakeProbe current(ProcessInfo process) {
        this.current = process;
        return this;
    }

    public FakeProbe resolves(String host, InetAddress... addresses) {
        names.put(host, List.of(addresses));
        return this;
    }

    @Override
    public OsSummary operatingSystem() {
        return os;
    }

    @Override
    public List<FileStoreInfo> fileStores() {
        return List.copyOf(stores);
    }

    @Override
    public List<ProcessInfo> processesNamed(String name) {
        return processes.getOrDefault(name, List.of());
    }

    @Override
    public ProcessInfo currentProcess() {
        return current;
    }

    @Override
    public List<InetAddress> resolve(String hostname) throws UnknownHostException {
        List<InetAddress> found = names.get(hostname);
        if (found == null) {
            throw new UnknownHostException(hostname);
        }
        return found;
    }
}
