package io.lodestar.diagnostics.host;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import oshi.SystemInfo;
import oshi.software.os.OSFileStore;
import oshi.software.os.OSProcess;
import oshi.software.os.OperatingSystem;

/** The live {@link HostProbe}, backed by OSHI. */
public final class OshiHostProbe implements HostProbe {

    private final OperatingSystem os = new SystemInfo().getOperatingSystem();
    private final HostReader host;
    private Map<Integer, String> names;

    public OshiHostProbe(HostReader host) {
        this.host = host;
    }

    @Override
    public OsSummary operatingSystem() {
        OperatingSystem.OSVersionInfo version = os.getVersionInfo();
        return new OsSummary(os.getFamily(), version.getVersion(), version.getCodeName(), version.getBuildNumber(),
                os.getBitness(), System.getProperty("os.arch"), os.getNetworkParams().getHostName());
    }

    @Override
    public List<FileStoreInfo> fileStores() {
        return os.getFileSystem().getFileStores(true).stream().map(OshiHostProbe::toInfo).toList();
    }

    /**
     * Matches on {@code /proc/<pid>/comm} first and asks OSHI only about the matches: building an
     * OSProcess for every process on the host costs ~100 ms, and several checks look up runtimes.
     * The name table is read once per probe; a probe serves one snapshot.
     */
    @Override
    public List<ProcessInfo> processesNamed(String name) {
        return processNames().entrySet().stream()
                .filter(e -> e.getValue().equals(name))
                .map(e -> os.getProcess(e.getKey()))
                .filter(Objects::nonNull) // exited since the table was read
                .map(OshiHostProbe::toInfo)
                .toList();
    }

    private synchronized Map<Integer, String> processNames() {
        if (names == null) {
            names = ProcessNames.read(host);
        }
        return names;
    }

    @Override
    public ProcessInfo currentProcess() {
        return toInfo(os.getCurrentProcess());
    }

    @Override
    public List<InetAddress> resolve(String hostname) throws UnknownHostException {
        return Arrays.asList(InetAddress.getAllByName(hostname));
    }

    private static FileStoreInfo toInfo(OSFileStore store) {
        return new FileStoreInfo(store.getMount(), store.getVolume(), store.getType(), store.getOptions(),
                store.getTotalSpace(), store.getUsableSpace(), store.getTotalInodes(), store.getFreeInodes());
    }

    private static ProcessInfo toInfo(OSProcess p) {
        return new ProcessInfo(p.getProcessID(), p.getName(), p.getPath(), p.getCommandLine(), p.getUser(),
                p.getUserID(), p.getResidentMemory(), Duration.ofMillis(p.getUpTime()), p.getOpenFiles(),
                p.getSoftOpenFileLimit(), p.getHardOpenFileLimit(), p.getCurrentWorkingDirectory());
    }
}
