package io.lodestar.warden.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The Warden's own configuration file ({@code key=value} lines), edited the way an operator would:
 * a key that is there gets its value replaced in place, a new one is appended, comments and every
 * other line stay as they are. Written to a temporary file and renamed, so it is never half written.
 */
public final class PropertiesFile {

    private final Path path;

    public PropertiesFile(Path path) {
        this.path = path;
    }

    public Path path() {
        return path;
    }

    /** The value of {@code key} in the file, if the file and the key exist. */
    public Optional<String> get(String key) throws IOException {
        if (!Files.exists(path)) {
            return Optional.empty();
        }
        for (String line : Files.readAllLines(path, StandardCharsets.UTF_8)) {
            Optional<String> lineKey = keyOf(line);
            if (lineKey.isPresent() && lineKey.get().equals(key)) {
                return Optional.of(line.substring(line.indexOf('=') + 1).trim());
            }
        }
        return Optional.empty();
    }

    /** Sets every entry, keeping the rest of the file. */
    public void update(Map<String, String> entries) throws IOException {
        List<String> lines = Files.exists(path) ? Files.readAllLines(path, StandardCharsets.UTF_8) : new ArrayList<>();
        Map<String, String> missing = new LinkedHashMap<>(entries);
        List<String> result = new ArrayList<>();
        for (String line : lines) {
            Optional<String> key = keyOf(line);
            if (key.isPresent() && entries.containsKey(key.get())) {
                if (missing.remove(key.get()) != null) {
                    result.add(key.get() + "=" + entries.get(key.get()));
                }
            } else {
                result.add(line);
            }
        }
        missing.forEach((key, value) -> result.add(key + "=" + value));
        Path target = path.toAbsolutePath();
        Files.createDirectories(target.getParent());
        Path temp = target.resolveSibling(target.getFileName() + ".tmp");
        Files.write(temp, result, StandardCharsets.UTF_8);
        Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    private static Optional<String> keyOf(String line) {
        String trimmed = line.strip();
        int eq = trimmed.indexOf('=');
        if (trimmed.isEmpty() || trimmed.startsWith("#") || trimmed.startsWith("!") || eq <= 0) {
            return Optional.empty();
        }
        return Optional.of(trimmed.substring(0, eq).strip());
    }
}
