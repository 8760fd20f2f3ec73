package io.lodestar.supervisor.config;

import java.io.IOException;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;

import io.lodestar.supervisor.common.DomainException;

/**
 * Checks that a config is TOML before it is stored, so a typo is a 400 at upload rather than a
 * runtime that refuses to start on every node. The detail gives line and column but never quotes
 * the offending text: a broken line in a config is often the one holding a secret.
 */
public final class TomlSyntax {

    private static final TomlMapper MAPPER = new TomlMapper();

    private TomlSyntax() {
    }

    public static void requireValid(String content) {
        try {
            MAPPER.readTree(content);
        } catch (IOException e) {
            throw new DomainException.Invalid("content is not valid TOML" + where(e) + ": " + reason(e)
                    + ". Fix it and send the whole file again.");
        }
    }

    private static String where(IOException error) {
        if (error instanceof com.fasterxml.jackson.core.JsonProcessingException processing) {
            JsonLocation location = processing.getLocation();
            if (location != null && location.getLineNr() > 0) {
                return " at line " + location.getLineNr() + ", column " + location.getColumnNr();
            }
        }
        return "";
    }

    /** The parser's complaint without any quoted input. */
    static String reason(IOException error) {
        String message = error instanceof com.fasterxml.jackson.core.JsonProcessingException processing
                ? processing.getOriginalMessage() : error.getMessage();
        if (message == null) {
            return "it could not be parsed";
        }
        int cut = message.indexOf('\n');
        String first = cut > 0 ? message.substring(0, cut) : message;
        return first.replaceAll("'[^']*'", "'…'").replaceAll("\"[^\"]*\"", "\"…\"")
                .replaceAll("\\s*at \\[Source:[^]]*]", "").strip().replaceAll("[.?!]+$", "");
    }
}
