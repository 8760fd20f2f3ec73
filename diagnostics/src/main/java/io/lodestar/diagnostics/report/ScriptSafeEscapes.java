package io.lodestar.diagnostics.report;

import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.core.io.SerializedString;

/**
 * JSON's own escapes plus {@code <}, {@code >}, {@code &}, U+2028 and U+2029, so the JSON can sit
 * inside an HTML script element ({@code </script>} cannot close it) and be read as JavaScript.
 */
final class ScriptSafeEscapes extends CharacterEscapes {

    private static final String ESCAPED = "<>&\u2028\u2029";

    private final int[] ascii = standardAsciiEscapesForJSON();

    ScriptSafeEscapes() {
        ESCAPED.chars().filter(c -> c < 128).forEach(c -> ascii[c] = ESCAPE_CUSTOM);
    }

    @Override
    public int[] getEscapeCodesForAscii() {
        return ascii;
    }

    @Override
    public SerializableString getEscapeSequence(int ch) {
        return ESCAPED.indexOf(ch) >= 0 ? new SerializedString(String.format("\\u%04x", ch)) : null;
    }
}
