package io.lodestar.diagnostics.host;

/** Operating system identity as OSHI reports it. */
public record OsSummary(String family, String version, String codeName, String build, int bitness, String arch, String hostname) {
}
