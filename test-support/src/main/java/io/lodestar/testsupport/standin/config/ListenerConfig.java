package io.lodestar.testsupport.standin.config;

/** A listener after config and environment are applied. */
public record ListenerConfig(ListenerSpec spec, boolean enabled, Address address) {

    public String section() {
        return spec.section();
    }

    public Protocol protocol() {
        return spec.protocol();
    }
}
