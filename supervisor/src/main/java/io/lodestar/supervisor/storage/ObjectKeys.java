package io.lodestar.supervisor.storage;

import java.util.regex.Pattern;

/** Object keys: slash-separated segments of letters, digits, dot, dash and underscore; nothing that climbs out. */
public final class ObjectKeys {

    private static final Pattern SEGMENT = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9._-]{0,199}");

    private ObjectKeys() {
    }

    public static boolean isValid(String key) {
        if (key == null || key.isEmpty() || key.length() > 300) {
            return false;
        }
        for (String segment : key.split("/", -1)) {
            if (!SEGMENT.matcher(segment).matches() || segment.contains("..")) {
                return false;
            }
        }
        return true;
    }

    public static String require(String key) {
        if (!isValid(key)) {
            throw new IllegalArgumentException("Not a valid object key: " + key);
        }
        return key;
    }

    /** The last segment: the file name a download is saved as. */
    public static String fileName(String key) {
        return key.substring(key.lastIndexOf('/') + 1);
    }
}
