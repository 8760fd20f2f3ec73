package io.lodestar.diagnostics.checks;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A runtime's TOML config, read with jackson-dataformat-toml: the parser and the call
 * ({@code new TomlMapper().readTree(content)}) the Supervisor validates an uploaded config with,
 * so a file is valid here exactly when the Supervisor would have accepted it.
 */
public final class TomlConfig {

    private static final TomlMapper MAPPER = new TomlMapper();

    private TomlConfig() {
    }

    /**
     * Every scalar value keyed by its dotted path ({@code http.tls.cert_file}), as text: strings
     * unquoted, numbers and booleans as TOML means them ({@code 10_000} is {@code 10000}). Inline
     * tables are tables. An array of tables is indexed ({@code cluster.nodes[0].replica_id}); an
     * array of values is one value, its JSON text ({@code ["a","b"]}).
     */
    public static Map<String, String> values(String content) throws Invalid {
        JsonNode root;
        try {
            root = MAPPER.readTree(content);
        } catch (JsonProcessingException e) {
            throw Invalid.from(e);
        }
        Map<String, String> values = new LinkedHashMap<>();
        flatten("", root, values);
        return Collections.unmodifiableMap(values);
    }

    private static void flatten(String prefix, JsonNode node, Map<String, String> into) {
        for (Map.Entry<String, JsonNode> field : node.properties()) {
            String key = prefix + field.getKey();
            JsonNode value = field.getValue();
            if (value.isObject()) {
                flatten(key + ".", value, into);
            } else if (value.isValueNode()) {
                into.put(key, value.asText());
            } else if (value.isArray() && !value.isEmpty() && value.get(0).isObject()) {
                for (int i = 0; i < value.size(); i++) {
                    flatten(key + "[" + i + "].", value.get(i), into);
                }
            } else if (value.isArray()) {
                into.put(key, value.toString());
            }
        }
    }

    /**
     * The file does not parse. The message names the line, the column and the parser's reason but
     * never quotes the file: a broken line in a config is often the one holding a secret.
     */
    public static final class Invalid extends Exception {

        private Invalid(String message, Throwable cause) {
            super(message, cause);
        }

        static Invalid from(JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            String where = at != null && at.getLineNr() > 0 ? "line " + at.getLineNr() + ", column " + at.getColumnNr() + ": " : "";
            return new Invalid(where + reason(e.getOriginalMessage()), e);
        }

        /** The parser's first line with anything quoted in it blanked out. */
        private static String reason(String message) {
            if (message == null || message.isBlank()) {
                return "it could not be parsed";
            }
            String first = message.lines().findFirst().orElse("").strip();
            return first.replaceAll("'[^']*'", "'…'").replaceAll("\"[^\"]*\"", "\"…\"").replaceAll("[.?!]+$", "");
        }
    }
}
