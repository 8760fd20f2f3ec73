package io.lodestar.warden.identity;

/** The Warden has no usable identity; the message says what to do about it. */
public class IdentityException extends RuntimeException {

    public IdentityException(String message) {
        super(message);
    }

    public IdentityException(String message, Throwable cause) {
        super(message, cause);
    }
}
