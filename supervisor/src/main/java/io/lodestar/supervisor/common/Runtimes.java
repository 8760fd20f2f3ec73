package io.lodestar.supervisor.common;

import io.lodestar.protocol.RuntimeName;

/** Reads a runtime's name as callers write it in paths, queries and bodies: a known runtime, or a 400 that lists them. */
public final class Runtimes {

    private Runtimes() {
    }

    public static RuntimeName parse(String value) {
        return RuntimeName.fromWireName(value).orElseThrow(() -> new DomainException.Invalid("Unknown runtime '" + value
                + "'; use one of: " + RuntimeName.wireNames() + "."));
    }
}
