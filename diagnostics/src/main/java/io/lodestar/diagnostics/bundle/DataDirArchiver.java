package io.lodestar.diagnostics.bundle;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Streams the Iggy data directory into a ZIP, file by file through a fixed buffer, up to a byte
 * cap. Symbolic links are never followed (and anything whose real path leaves the directory is
 * refused); files the cap cannot take, special files and unreadable files are listed as skipped.
 */
final class DataDirArchiver {

    static final int BUFFER_BYTES = 64 * 1024;

    private final long capBytes;

    DataDirArchiver(long capBytes) {
        this.capBytes = capBytes;
    }

    DataArchive archive(Path dataDir, OutputStream out) throws IOException {
        Path root = dataDir.toRealPath();
        List<String> skipped = new ArrayList<>();
        long[] included = new long[2];
        byte[] buffer = new byte[BUFFER_BYTES];
        try (ZipOutputStream zip = new ZipOutputStream(new NonClosingOutputStream(out))) {
            Files.walkFileTree(root, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    String name = root.relativize(file).toString().replace('\\', '/');
                    if (attrs.isSymbolicLink()) {
                        skipped.add(name + ": symbolic link to " + Files.readSymbolicLink(file) + " not followed");
                    } else if (!attrs.isRegularFile()) {
                        skipped.add(name + ": not a regular file");
                    } else if (!file.toRealPath().startsWith(root)) {
                        skipped.add(name + ": resolves outside the data directory");
                    } else if (included[1] + attrs.size() > capBytes) {
                        skipped.add(name + ": " + attrs.size() + " bytes would exceed the " + capBytes + "-byte cap");
                    } else {
                        included[1] += copy(file, name, attrs.size(), zip, buffer);
                        included[0]++;
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException e) {
                    skipped.add(root.relativize(file) + ": unreadable (" + e.getClass().getSimpleName() + ")");
                    return FileVisitResult.CONTINUE;
                }
            });
        }
        return new DataArchive(included[0], included[1], capBytes, skipped);
    }

    /** Copies at most {@code size} bytes: a segment growing while we read must not push the archive past its cap. */
    private static long copy(Path file, String name, long size, ZipOutputStream zip, byte[] buffer) throws IOException {
        ZipEntry entry = new ZipEntry(name);
        entry.setTime(Files.getLastModifiedTime(file).toMillis());
        zip.putNextEntry(entry);
        long copied = 0;
        try (InputStream in = Files.newInputStream(file)) {
            int n;
            while (copied < size && (n = in.read(buffer, 0, (int) Math.min(buffer.length, size - copied))) > 0) {
                zip.write(buffer, 0, n);
                copied += n;
            }
        }
        zip.closeEntry();
        return copied;
    }
}
