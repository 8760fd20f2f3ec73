package io.lodestar.testsupport.standin.config;

/** How a listener is bound. */
public enum Protocol {
    /** A TCP socket that accepts and holds connections. */
    TCP,
    /** A bound UDP socket (QUIC). */
    UDP,
    /** An HTTP server. */
    HTTP
}
