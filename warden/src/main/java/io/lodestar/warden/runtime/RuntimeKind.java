package io.lodestar.warden.runtime;

import io.lodestar.protocol.v1.Runtime;
import java.util.Optional;

/** The runtimes a Warden can run, with what differs between them. */
public enum RuntimeKind {

    IGGY("iggy", Runtime.RUNTIME_IGGY, "IGGY_CONFIG_PATH"),
    CONNECTORS("connectors", Runtime.RUNTIME_CONNECTORS, "IGGY_CONNECTORS_CONFIG_PATH");

    private final String label;
    private final Runtime wire;
    private final String configPathVariable;

    RuntimeKind(String label, Runtime wire, String configPathVariable) {
        this.label = label;
        this.wire = wire;
        this.configPathVariable = configPathVariable;
    }

    /** The name operators use: {@code iggy}, {@code connectors}. */
    public String label() {
        return label;
    }

    public Runtime wire() {
        return wire;
    }

    /** The environment variable through which the runtime finds its config file. */
    public String configPathVariable() {
        return configPathVariable;
    }

    public static Optional<RuntimeKind> of(Runtime wire) {
        for (RuntimeKind kind : values()) {
            if (kind.wire == wire) {
                return Optional.of(kind);
            }
        }
        return Optional.empty();
    }

    /** The runtime an operator's name stands for: {@code iggy}, {@code connectors}. */
    public static Optional<RuntimeKind> ofLabel(String label) {
        for (RuntimeKind kind : values()) {
            if (kind.label.equals(label)) {
                return Optional.of(kind);
            }
        }
        return Optional.empty();
    }
}
