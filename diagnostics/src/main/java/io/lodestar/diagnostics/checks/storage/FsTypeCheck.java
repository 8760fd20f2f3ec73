package io.lodestar.diagnostics.checks.storage;

import io.lodestar.diagnostics.Category;
import io.lodestar.diagnostics.CheckResult;
import io.lodestar.diagnostics.HostContext;
import io.lodestar.diagnostics.checks.AbstractCheck;
import io.lodestar.diagnostics.host.FileStoreInfo;
import java.util.Optional;
import java.util.Set;

/** The file system under the data directory: memory-backed loses data on reboot, network ones break fsync/latency. */
public final class FsTypeCheck extends AbstractCheck {

    static final Set<String> VOLATILE = Set.of("tmpfs", "ramfs");
    static final Set<String> NETWORK = Set.of("nfs", "nfs4", "cifs", "smb3", "smbfs", "glusterfs", "ceph", "9p", "fuse.sshfs");

    public FsTypeCheck() {
        super("disk.fs_type", "Data directory file system type", Category.STORAGE);
    }

    @Override
    public CheckResult run(HostContext context) {
        Optional<FileStoreInfo> store = FileStores.holding(context.iggy().dataDir(), context.probe().fileStores());
        if (store.isEmpty()) {
            return CheckResult.skip("no mounted file system found for " + context.iggy().dataDir());
        }
        String type = store.get().type();
        CheckResult.Builder result;
        if (VOLATILE.contains(type)) {
            result = CheckResult.fail("data directory is on " + type + ": every message is lost on reboot")
                    .remediation("Move [system] path to a disk-backed file system (ext4 or XFS on local storage).");
        } else if (type.equals("overlay")) {
            result = CheckResult.warn("data directory is on overlay: a container's writable layer, lost with the container")
                    .remediation("Mount a volume at the data directory (e.g. `-v /var/lib/iggy:/iggy/local_data`).");
        } else if (NETWORK.contains(type) || type.startsWith("fuse")) {
            result = CheckResult.warn("data directory is on " + type + ", a network or userspace file system")
                    .remediation("Use local storage: network file systems add latency to every fsync and may not honour it.");
        } else {
            result = CheckResult.pass("data directory is on " + type);
        }
        return result.detail("mount", store.get().mount()).detail("type", type).detail("device", store.get().device()).build();
    }
}
