package io.lodestar.diagnostics;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;

/**
 * What every runtime on the node has, whichever runtime it is: the per-runtime checks (process,
 * liveness, config) read only this, so a new runtime is a settings record and a catalog line.
 */
public interface RuntimeSettings {

    String processName();

    Path configPath();

    String serviceUnit();

    /** The unauthenticated liveness endpoint. */
    URI healthUri();

    /** Whether an answer from {@link #healthUri()} means the runtime is alive. */
    boolean healthy(int status, String body);

    /** Files whose presence shows the runtime is meant to run here. */
    List<Path> footprint();
}
