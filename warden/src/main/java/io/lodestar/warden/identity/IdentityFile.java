package io.lodestar.warden.identity;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import java.util.Set;

/**
 * The identity file, {@code {"node_id": 123, "node_secret": "…"}}: readable by its owner only
 * (0600), replaced atomically so a crash never leaves half of it.
 */
public final class IdentityFile {

    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

    private final Path path;

    public IdentityFile(Path path) {
        this.path = path;
    }

    public Path path() {
        return path;
    }

    public boolean exists() {
        return Files.exists(path);
    }

    /** The stored identity, empty when the file does not exist. */
    public Optional<NodeIdentity> read() {
        if (!Files.exists(path)) {
            return Optional.empty();
        }
        try {
            return Optional.of(parse(Files.readString(path, StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new IdentityException("cannot read the identity file " + path + ": " + e.getMessage(), e);
        } catch (IllegalArgumentException | IllegalStateException | JsonParseException e) {
            throw new IdentityException("the identity file " + path + " is not valid: " + e.getMessage(), e);
        }
    }

    static NodeIdentity parse(String json) {
        JsonElement root = JsonParser.parseString(json);
        if (!root.isJsonObject()) {
            throw new IllegalArgumentException("expected a JSON object");
        }
        JsonObject object = root.getAsJsonObject();
        if (!object.has("node_id") || !object.has("node_secret")) {
            throw new IllegalArgumentException("expected node_id and node_secret");
        }
        return new NodeIdentity(object.get("node_id").getAsLong(), object.get("node_secret").getAsString());
    }

    static String format(NodeIdentity identity) {
        JsonObject object = new JsonObject();
        object.addProperty("node_id", identity.nodeId());
        object.addProperty("node_secret", identity.nodeSecret());
        return object + "\n";
    }

    /** Writes the identity: a 0600 temporary file beside the target, then an atomic rename. */
    public void write(NodeIdentity identity) {
        Path target = path.toAbsolutePath();
        Path temp = target.resolveSibling(target.getFileName() + ".tmp");
        try {
            Files.createDirectories(target.getParent());
            Files.deleteIfExists(temp);
            createOwnerOnly(temp);
            Files.writeString(temp, format(identity), StandardCharsets.UTF_8);
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new IdentityException("cannot write the identity file " + path + ": " + e, e);
        }
    }

    private static void createOwnerOnly(Path file) throws IOException {
        try {
            FileAttribute<Set<PosixFilePermission>> mode = PosixFilePermissions.asFileAttribute(OWNER_ONLY);
            Files.createFile(file, mode);
        } catch (UnsupportedOperationException e) {
            // Not a POSIX file system: the directory's permissions have to protect the secret.
            Files.createFile(file);
        }
    }
}
