package io.lodestar.testsupport.standin.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the tables of a TOML file as section → key → text, nested tables under their dotted name
 * ({@code [http.metrics]} is section {@code http.metrics}), and arrays of tables
 * ({@code [[cluster.nodes]]}) as lists whose inline tables are flattened
 * ({@code ports = { tcp = 8090 }} is key {@code ports.tcp}). Kept apart so Jackson is loaded only
 * when a config file exists: most stand-in starts run on defaults and env alone.
 */
final class TomlFile {

    /** The parsed file: plain tables and arrays of tables, both by dotted name. */
    record Contents(Map<String, Map<String, String>> sections, Map<String, List<Map<String, String>>> tableArrays) {

        static final Contents EMPTY = new Contents(Map.of(), Map.of());
    }

    private TomlFile() {
    }

    static Contents read(Path file) throws InvalidConfigException {
        JsonNode root;
        try {
            root = new TomlMapper().readTree(file.toFile());
        } catch (IOException e) {
            throw new InvalidConfigException("cannot parse " + file + ": " + firstLine(e.getMessage()), e);
        }
        Map<String, Map<String, String>> sections = new HashMap<>();
        Map<String, List<Map<String, String>>> arrays = new HashMap<>();
        if (root != null) {
            collect("", root, sections, arrays);
        }
        return new Contents(sections, arrays);
    }

    private static void collect(String prefix, JsonNode table, Map<String, Map<String, String>> sections,
                                Map<String, List<Map<String, String>>> arrays) {
        table.fields().forEachRemaining(entry -> {
            String name = prefix + entry.getKey();
            JsonNode value = entry.getValue();
            if (value.isObject()) {
                Map<String, String> keys = new HashMap<>();
                flatten("", value, keys);
                sections.put(name, keys);
                collect(name + ".", value, sections, arrays);
            } else if (value.isArray() && value.size() > 0 && value.get(0).isObject()) {
                List<Map<String, String>> rows = new ArrayList<>();
                value.forEach(row -> {
                    Map<String, String> keys = new HashMap<>();
                    flatten("", row, keys);
                    rows.add(keys);
                });
                arrays.put(name, rows);
            }
        });
    }

    /** Value keys of a table, with inline tables flattened to dotted keys. */
    private static void flatten(String prefix, JsonNode table, Map<String, String> keys) {
        table.fields().forEachRemaining(entry -> {
            if (entry.getValue().isValueNode()) {
                keys.put(prefix + entry.getKey(), entry.getValue().asText());
            } else if (entry.getValue().isObject() && prefix.isEmpty()) {
                // one level: enough for `ports = { tcp = 8090, ... }`; deeper tables are sections
                Map<String, String> inline = new HashMap<>();
                flatten("", entry.getValue(), inline);
                inline.forEach((k, v) -> keys.putIfAbsent(entry.getKey() + "." + k, v));
            }
        });
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unreadable TOML";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
