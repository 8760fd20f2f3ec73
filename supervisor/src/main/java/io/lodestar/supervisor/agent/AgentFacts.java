package io.lodestar.supervisor.agent;

import io.lodestar.protocol.v1.HostFacts;

/** Copies what a Warden tells about its host onto the agent record. */
final class AgentFacts {

    private AgentFacts() {
    }

    static void apply(Agent agent, HostFacts host, String wardenVersion) {
        if (!wardenVersion.isBlank()) {
            agent.wardenVersion = truncate(wardenVersion, 64);
        }
        if (host == null) {
            return;
        }
        if (!host.getHostname().isBlank()) {
            agent.hostname = truncate(host.getHostname(), 255);
        }
        agent.os = host.getOs().isBlank() ? agent.os : truncate(host.getOs(), 128);
        agent.arch = host.getArch().isBlank() ? agent.arch : truncate(host.getArch(), 32);
        if (host.getCpuCount() > 0) {
            agent.cpuCount = host.getCpuCount();
        }
        if (host.getMemoryBytes() > 0) {
            agent.memoryBytes = host.getMemoryBytes();
        }
        if (host.getAddressesCount() > 0) {
            agent.address = truncate(host.getAddresses(0), 255);
        }
    }

    private static String truncate(String value, int max) {
        return value.length() <= max ? value : value.substring(0, max);
    }
}
