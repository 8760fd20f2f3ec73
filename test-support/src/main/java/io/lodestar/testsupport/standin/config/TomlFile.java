package io.lodestar.testsupport.standin.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;

/**
 * Reads the top-level tables of a TOML file as section → key → text. Kept apart so Jackson is
 * loaded only when a config file exists: most stand-in starts run on defaults and env alone.
 */
final class TomlFile {

    private TomlFile() {
    }

    static Map<String, Map<String, String>> read(Path file) throws InvalidConfigException {
        JsonNode root;
        try {
            root = new TomlMapper().readTree(file.toFile());
        } catch (IOException e) {
            throw new InvalidConfigException("cannot parse " + file + ": " + firstLine(e.getMessage()), e);
        }
        Map<String, Map<String, String>> sections = new HashMap<>();
        if (root == null) {
            return sections;
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> section = it.next();
            if (!section.getValue().isObject()) {
                continue;
            }
            Map<String, String> keys = new HashMap<>();
            section.getValue().fields().forEachRemaining(key -> {
                if (key.getValue().isValueNode()) {
                    keys.put(key.getKey(), key.getValue().asText());
                }
            });
            sections.put(section.getKey(), keys);
        }
        return sections;
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unreadable TOML";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
