package io.lodestar.warden.state;

import io.quarkus.logging.Log;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** Durability of renames: the Warden's journal and the runtimes' config files are both replaced by rename. */
public final class Directories {

    private Directories() {
    }

    /**
     * Fsyncs a directory so a rename inside it survives a power cut. Some file systems (e.g. some container
     * overlays) cannot open a directory for that; it is then skipped, and the rename is still atomic.
     */
    public static void sync(Path directory) {
        try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            Log.debugf("cannot fsync %s: %s", directory, e);
        }
    }
}
