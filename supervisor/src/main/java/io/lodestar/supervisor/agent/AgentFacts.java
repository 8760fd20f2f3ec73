package io.lodestar.supervisor.agent;

import io.lodestar.protocol.v1.HostFacts;

/** Copies what a Warden tells about its host onto the agent record. */
final class AgentFacts {

    private AgentFacts() {
    }

    static void apply(Agent agent, HostFacts host, String wardenVersion) {
        if (!wardenVersion.isBlank()) {
            agent.wardenVersion = wardenVersion;
        }
        if (host == null) {
            return;
        }
        if (!host.getHostname().isBlank()) {
            agent.hostname = host.getHostname();
        }
        agent.os = host.getOs().isBlank() ? agent.os : host.getOs();
        agent.arch = host.getArch().isBlank() ? agent.arch : host.getArch();
        if (host.getCpuCount() > 0) {
            agent.cpuCount = host.getCpuCount();
        }
        if (host.getMemoryBytes() > 0) {
            agent.memoryBytes = host.getMemoryBytes();
        }
        if (host.getAddressesCount() > 0) {
            agent.address = host.getAddresses(0);
        }
    }
}
