package io.lodestar.diagnostics.checks.storage;

import io.lodestar.diagnostics.checks.Sizes;
import io.lodestar.diagnostics.host.FileStoreInfo;
import java.util.Optional;

/** Free inodes: Iggy creates files per segment and index, so many small partitions can exhaust inodes before space. */
public final class DiskInodesCheck extends FreeRatioCheck {

    public DiskInodesCheck() {
        super("disk.inodes", "Disk inodes");
    }

    @Override
    Optional<Double> freeRatio(FileStoreInfo store) {
        return store.totalInodes() > 0 ? Optional.of(store.freeInodeRatio()) : Optional.empty();
    }

    @Override
    String describe(FileStoreInfo store) {
        return Sizes.percent(store.freeInodeRatio()) + " inodes free (" + store.freeInodes() + " of " + store.totalInodes() + ")";
    }

    @Override
    String remediation(FileStoreInfo store) {
        return "Inodes are running out on " + store.mount() + ": find directories with many files "
                + "(`du --inodes -x " + store.mount() + " | sort -n | tail`), remove them, or recreate the file system "
                + "with more inodes (mkfs.ext4 -i) or use XFS, which allocates inodes dynamically.";
    }
}
