package io.lodestar.supervisor.activity;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

import io.lodestar.protocol.v1.Runtime;
import io.lodestar.supervisor.common.DomainException;

/** The runtimes a Warden manages on its node. */
public enum RuntimeName {
    IGGY("iggy", Runtime.RUNTIME_IGGY),
    CONNECTORS("connectors", Runtime.RUNTIME_CONNECTORS);

    private final String wireName;
    private final Runtime proto;

    RuntimeName(String wireName, Runtime proto) {
        this.wireName = wireName;
        this.proto = proto;
    }

    public String wireName() {
        return wireName;
    }

    public Runtime proto() {
        return proto;
    }

    /** The runtime a link message names; empty for one this Supervisor does not know. */
    public static Optional<RuntimeName> fromProto(Runtime runtime) {
        return Arrays.stream(values()).filter(r -> r.proto == runtime).findFirst();
    }

    public static RuntimeName parse(String value) {
        return Arrays.stream(values()).filter(r -> r.wireName.equals(value)).findFirst()
                .orElseThrow(() -> new DomainException.Invalid("Unknown runtime '" + value + "'; use one of: "
                        + Arrays.stream(values()).map(RuntimeName::wireName).collect(Collectors.joining(", ")) + "."));
    }
}
