package io.lodestar.diagnostics.bundle;

/**
 * A file the caller adds to the bundle beside the report (the Iggy server's own diagnostic ZIP), with the
 * note the report carries about it. An attachment that could not be fetched has no content, only the note
 * saying why.
 */
public record BundleAttachment(String name, byte[] content, String note) {

    public static BundleAttachment missing(String note) {
        return new BundleAttachment(null, null, note);
    }
}
