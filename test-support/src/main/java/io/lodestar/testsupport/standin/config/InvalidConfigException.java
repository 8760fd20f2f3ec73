package io.lodestar.testsupport.standin.config;

/** The configuration cannot be used; the runtime refuses to start (exit code 1). */
public class InvalidConfigException extends Exception {

    public InvalidConfigException(String message) {
        super(message);
    }

    public InvalidConfigException(String message, Throwable cause) {
        super(message, cause);
    }
}
