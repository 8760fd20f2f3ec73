package io.lodestar.warden.runtime;

import java.io.IOException;
import java.io.UncheckedIOException;

/** A file of a runtime (pid file, log) could not be read or written. */
public class RuntimeIoException extends UncheckedIOException {

    public RuntimeIoException(String message, IOException cause) {
        super(message + ": " + cause.getMessage(), cause);
    }
}
