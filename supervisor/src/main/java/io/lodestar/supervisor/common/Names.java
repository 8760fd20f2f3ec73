package io.lodestar.supervisor.common;

/**
 * The rule every name in a request body follows (tenants, divisions, environments, keys, deployments,
 * configs): some text that is not only spaces, at most {@link #MAX_LENGTH} characters. Constants, so
 * that the Bean Validation annotations and the OpenAPI document read the same values.
 */
public final class Names {

    public static final int MAX_LENGTH = 200;
    /** Matches text with at least one character that is not white space. */
    public static final String NOT_BLANK = "(?s).*\\S.*";

    private Names() {
    }
}
