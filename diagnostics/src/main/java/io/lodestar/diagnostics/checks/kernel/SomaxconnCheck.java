package io.lodestar.diagnostics.checks.kernel;

/** The accept backlog cap: bursts of client connections beyond it are dropped or delayed. */
public final class SomaxconnCheck extends MinimumSysctlCheck {

    static final long MINIMUM = 1024;

    public SomaxconnCheck() {
        super("kernel.somaxconn", "Listen backlog (somaxconn)", "net.core.somaxconn", MINIMUM,
                "connection bursts to Iggy's TCP/HTTP listeners overflow the accept queue");
    }
}
