package io.lodestar.warden.runtime;

import io.lodestar.diagnostics.checks.TomlConfig;
import io.lodestar.protocol.RuntimeName;
import io.lodestar.protocol.v1.ConfigFileReference;
import io.lodestar.protocol.v1.RuntimeStatus;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What each runtime's config file on disk is, for the heartbeat: its sha256 (what the Supervisor
 * compares with the version it applied, to see a file edited by hand) and the TLS files it names
 * with whether they exist here. Hashing reads the file again only when its size or modification
 * time changed, so a heartbeat costs a {@code stat} per runtime.
 */
public final class ConfigFileReport {

    private static final List<String> FILE_KEYS = List.of("cert_file", "key_file", "ca_file");

    private final Map<RuntimeName, Path> configPaths;
    private final Map<RuntimeName, Path> workingDirs;
    private final Map<RuntimeName, Cached> cache = new ConcurrentHashMap<>();

    private record Cached(long size, long modifiedMillis, String checksum, List<Reference> files) {
    }

    private record Reference(String key, String path) {
    }

    /** A certificate file the Warden watches: where it knows it from (a setting, or {@code iggy:http.tls.cert_file}) and where it is. */
    public record CertificateFile(String key, Path path) {
    }

    public ConfigFileReport(Map<RuntimeName, Path> configPaths, Map<RuntimeName, Path> workingDirs) {
        this.configPaths = Map.copyOf(configPaths);
        this.workingDirs = Map.copyOf(workingDirs);
    }

    /** The statuses with what each runtime's config file is now. */
    public List<RuntimeStatus> annotate(List<RuntimeStatus> statuses) {
        List<RuntimeStatus> annotated = new ArrayList<>(statuses.size());
        for (RuntimeStatus status : statuses) {
            Optional<RuntimeName> runtime = RuntimeName.fromProto(status.getRuntime());
            annotated.add(runtime.isEmpty() ? status : annotate(status.toBuilder(), runtime.get()).build());
        }
        return annotated;
    }

    private RuntimeStatus.Builder annotate(RuntimeStatus.Builder builder, RuntimeName runtime) {
        Path path = configPaths.get(runtime);
        if (path == null) {
            return builder.setConfigUnread("no config path is configured for " + runtime.wireName()
                    + " (warden.runtimes." + runtime.wireName() + ".config-path): it runs on its built-in defaults");
        }
        Cached file;
        try {
            file = read(runtime, path);
        } catch (NoSuchFileException e) {
            cache.remove(runtime);
            return builder.setConfigUnread("the config file " + path + " does not exist");
        } catch (IOException e) {
            cache.remove(runtime);
            return builder.setConfigUnread("the config file " + path + " cannot be read: " + e.getMessage());
        }
        builder.setConfigChecksum(file.checksum());
        Path base = workingDirs.getOrDefault(runtime, path.getParent());
        for (Reference reference : file.files()) {
            builder.addConfigFiles(ConfigFileReference.newBuilder().setKey(reference.key()).setPath(reference.path())
                    .setExists(Files.isRegularFile(base.resolve(reference.path()))));
        }
        return builder;
    }

    /**
     * The {@code cert_file} and {@code ca_file} of every config read by the last {@link #annotate} (key files are
     * secrets and hold no expiry), resolved like the runtime resolves them.
     */
    public List<CertificateFile> certificateFiles() {
        List<CertificateFile> files = new ArrayList<>();
        cache.forEach((runtime, file) -> {
            Path base = workingDirs.getOrDefault(runtime, configPaths.get(runtime).getParent());
            for (Reference reference : file.files()) {
                if (!reference.key().endsWith("key_file")) {
                    files.add(new CertificateFile(runtime.wireName() + ":" + reference.key(), base.resolve(reference.path())));
                }
            }
        });
        return files;
    }

    private Cached read(RuntimeName runtime, Path path) throws IOException {
        long size = Files.size(path);
        long modified = Files.getLastModifiedTime(path).toMillis();
        Cached known = cache.get(runtime);
        if (known != null && known.size() == size && known.modifiedMillis() == modified) {
            return known;
        }
        byte[] bytes = Files.readAllBytes(path);
        Cached fresh = new Cached(size, modified, sha256(bytes), references(new String(bytes, StandardCharsets.UTF_8)));
        cache.put(runtime, fresh);
        return fresh;
    }

    /** Non-empty {@code *.cert_file}, {@code *.key_file}, {@code *.ca_file} values; none when the file does not parse. */
    private static List<Reference> references(String content) {
        List<Reference> references = new ArrayList<>();
        try {
            TomlConfig.values(content).forEach((key, value) -> {
                String leaf = key.substring(key.lastIndexOf('.') + 1);
                if (FILE_KEYS.contains(leaf) && !value.isBlank()) {
                    references.add(new Reference(key, value));
                }
            });
        } catch (TomlConfig.Invalid e) {
            // the checksum still tells the Supervisor the file changed; the runtime will refuse it
        }
        return references;
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
