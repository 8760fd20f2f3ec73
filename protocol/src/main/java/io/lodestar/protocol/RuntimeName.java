package io.lodestar.protocol;

import io.lodestar.protocol.v1.Runtime;
import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The runtimes a Warden manages on its node: the one name for a runtime in every module. Adding a
 * runtime starts here and at the link's {@link Runtime} enum; code elsewhere loops over
 * {@link #values()} instead of naming each runtime.
 */
public enum RuntimeName {
    IGGY("iggy", Runtime.RUNTIME_IGGY, "IGGY_CONFIG_PATH"),
    CONNECTORS("connectors", Runtime.RUNTIME_CONNECTORS, "IGGY_CONNECTORS_CONFIG_PATH");

    private final String wireName;
    private final Runtime proto;
    private final String configPathVariable;

    RuntimeName(String wireName, Runtime proto, String configPathVariable) {
        this.wireName = wireName;
        this.proto = proto;
        this.configPathVariable = configPathVariable;
    }

    /** The name operators use in paths and bodies: {@code iggy}, {@code connectors}. */
    public String wireName() {
        return wireName;
    }

    /** The runtime's value on the Warden link. */
    public Runtime proto() {
        return proto;
    }

    /** The environment variable through which the runtime finds its config file. */
    public String configPathVariable() {
        return configPathVariable;
    }

    /** The runtime a link message names; empty for one this build does not know. */
    public static Optional<RuntimeName> fromProto(Runtime runtime) {
        return Arrays.stream(values()).filter(r -> r.proto == runtime).findFirst();
    }

    /** The runtime an operator's word stands for; empty for an unknown word. */
    public static Optional<RuntimeName> fromWireName(String value) {
        return Arrays.stream(values()).filter(r -> r.wireName.equals(value)).findFirst();
    }

    /** The operators' words for every runtime, for error messages: {@code iggy, connectors}. */
    public static String wireNames() {
        return Arrays.stream(values()).map(RuntimeName::wireName).collect(Collectors.joining(", "));
    }
}
