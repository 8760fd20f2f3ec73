package io.lodestar.testsupport.standin.config;

/**
 * A listener a runtime may bind: its TOML section ({@code enabled} and {@code address} keys), its
 * protocol, its built-in default address and a label for log lines.
 */
public record ListenerSpec(String section, Protocol protocol, String defaultAddress, String label) {
}
