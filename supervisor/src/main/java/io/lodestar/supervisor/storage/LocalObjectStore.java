package io.lodestar.supervisor.storage;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;

/**
 * Objects as files under one directory. Writes go to a temporary file that is moved into place on commit;
 * downloads are served by the Supervisor ({@link SignedDownloadRoute}) behind an HMAC-signed, expiring URL.
 */
public final class LocalObjectStore implements ObjectStore {

    /** The path the Supervisor serves signed downloads on. */
    public static final String DOWNLOAD_PATH = "/snapshot-downloads/";

    private final Path root;
    private final UrlSigner signer;
    private final Optional<URI> publicUrl;
    private final Clock clock;

    public LocalObjectStore(Path root, UrlSigner signer, Optional<URI> publicUrl, Clock clock) {
        this.root = root.toAbsolutePath().normalize();
        this.signer = signer;
        this.publicUrl = publicUrl;
        this.clock = clock;
    }

    public UrlSigner signer() {
        return signer;
    }

    /** The file of a key, or empty when the key is not a valid one. */
    public Optional<Path> file(String key) {
        if (!ObjectKeys.isValid(key)) {
            return Optional.empty();
        }
        Path file = root.resolve(key).normalize();
        return file.startsWith(root) ? Optional.of(file) : Optional.empty();
    }

    @Override
    public ObjectUpload create(String key) throws IOException {
        Path target = file(key).orElseThrow(() -> new IllegalArgumentException("Not a valid object key: " + key));
        Files.createDirectories(target.getParent());
        Path partial = target.resolveSibling(target.getFileName() + "." + UUID.randomUUID() + ".part");
        OutputStream out = Files.newOutputStream(partial);
        return new ObjectUpload() {
            private boolean done;

            @Override
            public void write(byte[] bytes, int offset, int length) throws IOException {
                out.write(bytes, offset, length);
            }

            @Override
            public void commit() throws IOException {
                out.close();
                Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                done = true;
            }

            @Override
            public void abort() {
                if (done) {
                    return;
                }
                done = true;
                try {
                    out.close();
                    Files.deleteIfExists(partial);
                } catch (IOException e) {
                    throw new UncheckedIOException("Could not remove the partial upload " + partial, e);
                }
            }

            @Override
            public void close() throws IOException {
                out.close();
            }
        };
    }

    @Override
    public void delete(String key) throws IOException {
        Optional<Path> file = file(key);
        if (file.isPresent()) {
            Files.deleteIfExists(file.get());
        }
    }

    @Override
    public boolean exists(String key) {
        return file(key).map(Files::isRegularFile).orElse(false);
    }

    @Override
    public URI signedUrl(String key, Duration ttl, URI requestBase) {
        long expires = clock.instant().plus(ttl).getEpochSecond();
        String base = publicUrl.orElse(requestBase).toString().replaceAll("/+$", "");
        return URI.create(base + DOWNLOAD_PATH + key + "?expires=" + expires + "&signature="
                + URLEncoder.encode(signer.sign(key, expires), StandardCharsets.UTF_8));
    }
}
