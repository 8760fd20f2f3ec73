package io.lodestar.supervisor.common;

/**
 * The one family of errors the API reports. Each subclass maps to one HTTP status in
 * {@link ProblemStatusMap}; the message is the problem's {@code detail}, a sentence a person can act on.
 */
public abstract class DomainException extends RuntimeException {

    protected DomainException(String detail) {
        super(detail);
    }

    /** Members the problem document carries beside its standard ones (RFC 9457 extension members); none by default. */
    public java.util.Map<String, Object> extensions() {
        return java.util.Map.of();
    }

    /** The caller sent something that cannot be done as asked (400). */
    public static class Invalid extends DomainException {
        public Invalid(String detail) {
            super(detail);
        }
    }

    /** No key, or a key that is unknown, revoked or expired (401). */
    public static class Unauthenticated extends DomainException {
        public Unauthenticated(String detail) {
            super(detail);
        }
    }

    /** The key is valid but lacks the permission (403). */
    public static class Forbidden extends DomainException {
        public Forbidden(String detail) {
            super(detail);
        }
    }

    /** Nothing of that id exists for this caller (404); another tenant's resource looks the same. */
    public static class NotFound extends DomainException {
        public NotFound(String detail) {
            super(detail);
        }
    }

    /** The request is valid but conflicts with the current state (409). */
    public static class Conflict extends DomainException {
        public Conflict(String detail) {
            super(detail);
        }
    }

    /** A state machine refused a transition; a bug or a race, never the caller's input (409). */
    public static class IllegalTransition extends Conflict {
        public IllegalTransition(String detail) {
            super(detail);
        }
    }

    /** The caller holds as much of a limited resource as it may, such as open streams (429). */
    public static class TooManyRequests extends DomainException {
        public TooManyRequests(String detail) {
            super(detail);
        }
    }
}
