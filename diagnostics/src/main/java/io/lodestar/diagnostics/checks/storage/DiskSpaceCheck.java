package io.lodestar.diagnostics.checks.storage;

import io.lodestar.diagnostics.checks.Sizes;
import io.lodestar.diagnostics.host.FileStoreInfo;
import java.util.Optional;

/** Free space on every file system, the Iggy data directory's first: a full disk stops appends. */
public final class DiskSpaceCheck extends FreeRatioCheck {

    public DiskSpaceCheck() {
        super("disk.space", "Disk space");
    }

    @Override
    Optional<Double> freeRatio(FileStoreInfo store) {
        return Optional.of(store.freeSpaceRatio());
    }

    @Override
    String describe(FileStoreInfo store) {
        return Sizes.percent(store.freeSpaceRatio()) + " free (" + Sizes.bytes(store.usableBytes()) + " of "
                + Sizes.bytes(store.totalBytes()) + ", " + store.type() + ")";
    }

    @Override
    String remediation(FileStoreInfo store) {
        return "Free space on " + store.mount() + ": lower topic retention (message expiry / max topic size), delete "
                + "unused streams, remove other large files (`du -xh " + store.mount() + " | sort -h | tail`), or grow the volume.";
    }
}
