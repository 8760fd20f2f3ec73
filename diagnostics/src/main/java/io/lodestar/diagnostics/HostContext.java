package io.lodestar.diagnostics;

import io.lodestar.diagnostics.host.FileSystemHostReader;
import io.lodestar.diagnostics.host.HostProbe;
import io.lodestar.diagnostics.host.HostReader;
import io.lodestar.diagnostics.host.OshiHostProbe;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything a check may know about the node: how to read the host, the clock, and where the
 * runtimes live. Build one with {@link #builder()}; unset fields take the runtimes' defaults.
 *
 * @param cpuSampleWindow how long {@code cpu.usage} waits between two {@code /proc/stat}
 *                        readings; zero reports the average since boot from one reading
 * @param supervisorLink  null when running with no Supervisor
 * @param iggyApi         what the runtimes' own APIs said (stats, cluster, connectors); null when not read
 */
public record HostContext(HostReader host, HostProbe probe, Clock clock, String deploymentName, String nodeId,
                          IggySettings iggy, ConnectorsSettings connectors, WardenFacts warden,
                          SupervisorLink supervisorLink, Duration cpuSampleWindow, IggyApiView iggyApi) {

    public static final Duration DEFAULT_CPU_SAMPLE_WINDOW = Duration.ofMillis(200);

    public HostContext {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(probe, "probe");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(iggy, "iggy");
        Objects.requireNonNull(connectors, "connectors");
        Objects.requireNonNull(warden, "warden");
        Objects.requireNonNull(cpuSampleWindow, "cpuSampleWindow");
        if (cpuSampleWindow.isNegative() || cpuSampleWindow.compareTo(Duration.ofSeconds(1)) > 0) {
            throw new IllegalArgumentException("cpu sample window must be between 0 and 1 s: " + cpuSampleWindow);
        }
        deploymentName = deploymentName == null || deploymentName.isBlank() ? "standalone" : deploymentName;
        nodeId = nodeId == null || nodeId.isBlank() ? "local" : nodeId;
    }

    /** Every runtime Lodestar manages on the node. */
    public List<RuntimeSettings> runtimes() {
        return List.of(iggy, connectors);
    }

    public Optional<SupervisorLink> link() {
        return Optional.ofNullable(supervisorLink);
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        return new Builder().host(host).probe(probe).clock(clock).deploymentName(deploymentName).nodeId(nodeId)
                .iggy(iggy).connectors(connectors).warden(warden).supervisorLink(supervisorLink)
                .cpuSampleWindow(cpuSampleWindow).iggyApi(iggyApi);
    }

    /** Defaults: the live host through {@code /} and OSHI, the system clock, the runtimes' default paths and ports. */
    public static final class Builder {
        private HostReader host;
        private HostProbe probe;
        private Clock clock = Clock.systemUTC();
        private String deploymentName;
        private String nodeId;
        private IggySettings iggy;
        private ConnectorsSettings connectors;
        private WardenFacts warden;
        private SupervisorLink supervisorLink;
        private Duration cpuSampleWindow = DEFAULT_CPU_SAMPLE_WINDOW;
        private IggyApiView iggyApi;

        public Builder host(HostReader host) { this.host = host; return this; }

        public Builder probe(HostProbe probe) { this.probe = probe; return this; }

        public Builder clock(Clock clock) { this.clock = clock; return this; }

        public Builder deploymentName(String name) { this.deploymentName = name; return this; }

        public Builder nodeId(String id) { this.nodeId = id; return this; }

        public Builder iggy(IggySettings iggy) { this.iggy = iggy; return this; }

        public Builder connectors(ConnectorsSettings connectors) { this.connectors = connectors; return this; }

        public Builder warden(WardenFacts warden) { this.warden = warden; return this; }

        public Builder supervisorLink(SupervisorLink link) { this.supervisorLink = link; return this; }

        public Builder iggyApi(IggyApiView view) { this.iggyApi = view; return this; }

        public Builder cpuSampleWindow(Duration window) { this.cpuSampleWindow = window; return this; }

        /** Reads {@code IGGY_CONFIG_PATH}, {@code IGGY_SYSTEM_PATH}, {@code IGGY_CONNECTORS_CONFIG_PATH}. */
        public Builder environment(Map<String, String> env) {
            this.iggy = IggySettings.fromEnvironment(env);
            this.connectors = ConnectorsSettings.fromEnvironment(env);
            return this;
        }

        public HostContext build() {
            HostReader reader = host != null ? host : FileSystemHostReader.live();
            return new HostContext(reader,
                    probe != null ? probe : new OshiHostProbe(reader),
                    clock, deploymentName, nodeId,
                    iggy != null ? iggy : IggySettings.defaults(),
                    connectors != null ? connectors : ConnectorsSettings.defaults(),
                    warden != null ? warden : new WardenFacts(DiagnosticsVersion.current(), clock.instant(), null),
                    supervisorLink, cpuSampleWindow, iggyApi);
        }
    }
}
