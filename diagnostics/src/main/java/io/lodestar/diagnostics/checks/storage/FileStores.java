package io.lodestar.diagnostics.checks.storage;

import io.lodestar.diagnostics.host.FileStoreInfo;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Picks the file systems worth judging and the one that holds a given path. */
final class FileStores {

    /** Read-only images are always 100 % full; reporting them would drown the real problems. */
    private static final Set<String> IGNORED_TYPES = Set.of("squashfs", "iso9660", "udf", "erofs");

    private FileStores() {
    }

    static List<FileStoreInfo> judged(List<FileStoreInfo> stores) {
        return stores.stream().filter(s -> s.totalBytes() > 0 && !IGNORED_TYPES.contains(s.type())).toList();
    }

    /** The mount with the longest prefix of the path: the file system the path lives on. */
    static Optional<FileStoreInfo> holding(Path path, List<FileStoreInfo> stores) {
        Path target = existingAncestor(path);
        return stores.stream()
                .filter(s -> target.startsWith(Path.of(s.mount())))
                .max(Comparator.comparingInt(s -> Path.of(s.mount()).getNameCount()));
    }

    /** Data dir first, then the rest in mount order. */
    static List<FileStoreInfo> dataDirFirst(Optional<FileStoreInfo> dataStore, List<FileStoreInfo> stores) {
        List<FileStoreInfo> ordered = new ArrayList<>();
        dataStore.ifPresent(ordered::add);
        stores.stream().filter(s -> dataStore.map(d -> !d.mount().equals(s.mount())).orElse(true)).forEach(ordered::add);
        return ordered;
    }

    /** Real path of the deepest existing ancestor, so a missing data dir still maps to its future file system. */
    static Path existingAncestor(Path path) {
        Path current = path.toAbsolutePath().normalize();
        while (current != null && !Files.exists(current)) {
            current = current.getParent();
        }
        if (current == null) {
            return path.toAbsolutePath().getRoot();
        }
        try {
            return current.toRealPath();
        } catch (IOException e) {
            return current;
        }
    }
}
