package io.lodestar.diagnostics;

/** The build's version, from the jar manifest when packaged; "dev" when run from classes. */
public final class DiagnosticsVersion {

    private DiagnosticsVersion() {
    }

    public static String current() {
        String version = DiagnosticsVersion.class.getPackage().getImplementationVersion();
        return version == null ? "dev" : version;
    }
}
