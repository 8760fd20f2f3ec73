package io.lodestar.testsupport.standin.server;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * The server's own diagnostic ZIP ({@code POST /snapshot}), collected as {@code core/server/src/snapshot.rs}
 * does: {@code All} expands to every type and may not be combined with another (lines 62-68); each
 * type becomes {@code <type>.txt} (line 139); a section that fails is skipped (lines 140-143).
 * Sections: {@code filesystem_overview} ({@code ls -la /tmp /proc}), {@code process_list}
 * ({@code ps aux}), {@code resource_usage} ({@code top -H -b -n 1}), {@code server_logs} (the log
 * files under {@code <system.path>/logs}, oldest first) and {@code server_config}
 * ({@code <system.path>/runtime/current_config.toml}, line 227).
 */
final class SnapshotArchive {

    /** {@code SystemSnapshotType} as serde spells it (no rename: PascalCase), in {@code all_snapshot_types()} order. */
    static final Map<String, String> TYPES = types();

    private SnapshotArchive() {
    }

    private static Map<String, String> types() {
        Map<String, String> types = new LinkedHashMap<>();
        types.put("FilesystemOverview", "filesystem_overview");
        types.put("ProcessList", "process_list");
        types.put("ResourceUsage", "resource_usage");
        types.put("ServerLogs", "server_logs");
        types.put("ServerConfig", "server_config");
        return types;
    }

    /** The requested types, expanded; throws {@link IllegalArgumentException} as Iggy's {@code InvalidCommand}. */
    static List<String> expand(List<String> requested) {
        if (requested.contains("All")) {
            if (requested.size() > 1) {
                throw new IllegalArgumentException("when using the `all` snapshot type, no other types can be specified");
            }
            return List.copyOf(TYPES.keySet());
        }
        for (String type : requested) {
            if (!TYPES.containsKey(type) && !type.equals("Test")) {
                throw new IllegalArgumentException("unknown snapshot type " + type);
            }
        }
        return List.copyOf(requested);
    }

    static byte[] collect(List<String> types, Path dataDir) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (String type : types) {
                byte[] content;
                try {
                    content = capture(type, dataDir);
                } catch (IOException e) {
                    continue;  // parity with snapshot.rs:140-143: a failed section is skipped
                }
                zip.putNextEntry(new ZipEntry((type.equals("Test") ? "test" : TYPES.get(type)) + ".txt"));
                zip.write(content);
                zip.closeEntry();
            }
        }
        return bytes.toByteArray();
    }

    private static byte[] capture(String type, Path dataDir) throws IOException {
        return switch (type) {
            case "FilesystemOverview" -> run("ls", "-la", "/tmp", "/proc");
            case "ProcessList" -> run("ps", "aux");
            case "ResourceUsage" -> run("top", "-H", "-b", "-n", "1");
            case "Test" -> run("echo", "test");
            case "ServerLogs" -> logs(dataDir.resolve("logs"));
            case "ServerConfig" -> Files.readAllBytes(dataDir.resolve("runtime").resolve("current_config.toml"));
            default -> throw new IOException("unknown type " + type);
        };
    }

    private static byte[] logs(Path dir) throws IOException {
        List<Path> files = new ArrayList<>();
        try (Stream<Path> listing = Files.list(dir)) {
            listing.filter(Files::isRegularFile).forEach(files::add);
        }
        files.sort(Comparator.comparing(SnapshotArchive::modified));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (Path file : files) {
            out.write(Files.readAllBytes(file));
        }
        return out.toByteArray();
    }

    private static long modified(Path file) {
        try {
            return Files.getLastModifiedTime(file).toMillis();
        } catch (IOException e) {
            return 0;
        }
    }

    private static byte[] run(String... command) throws IOException {
        Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        byte[] out = process.getInputStream().readAllBytes();
        try {
            process.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return out;
    }
}
