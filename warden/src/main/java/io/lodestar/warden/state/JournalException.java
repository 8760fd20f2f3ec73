package io.lodestar.warden.state;

/** The task journal cannot be read or written; the Warden cannot promise exactly-once effects without it. */
public class JournalException extends RuntimeException {

    public JournalException(String message, Throwable cause) {
        super(message, cause);
    }
}
