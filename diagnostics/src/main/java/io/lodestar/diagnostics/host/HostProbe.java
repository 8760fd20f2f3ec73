package io.lodestar.diagnostics.host;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;

/**
 * Host facts gathered through OSHI (or the resolver), behind an interface so checks can be fed
 * fixed values in tests. {@link OshiHostProbe} is the live implementation.
 */
public interface HostProbe {

    OsSummary operatingSystem();

    /** Local file systems, as mounted. */
    List<FileStoreInfo> fileStores();

    /** Processes whose executable name equals {@code name} (e.g. {@code iggy-server}). */
    List<ProcessInfo> processesNamed(String name);

    /** The process running this code. */
    ProcessInfo currentProcess();

    List<InetAddress> resolve(String hostname) throws UnknownHostException;
}
