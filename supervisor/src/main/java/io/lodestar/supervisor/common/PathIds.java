package io.lodestar.supervisor.common;

/** Ids arrive in paths as text; a malformed one is the caller's mistake, said plainly. */
public final class PathIds {

    private PathIds() {
    }

    public static long parse(String raw, String name) {
        try {
            return Long.parseLong(raw);
        } catch (NumberFormatException e) {
            throw new DomainException.Invalid(name + " must be an integer id, such as 610809900976570889; got '" + raw + "'.");
        }
    }
}
