package io.lodestar.diagnostics.checks.storage;

import io.lodestar.diagnostics.Category;
import io.lodestar.diagnostics.CheckResult;
import io.lodestar.diagnostics.HostContext;
import io.lodestar.diagnostics.checks.AbstractCheck;
import io.lodestar.diagnostics.host.FileStoreInfo;
import java.util.List;
import java.util.Optional;

/** Mount options of the data directory's file system: read-only stops the server, strictatime costs a write per read. */
public final class MountOptionsCheck extends AbstractCheck {

    public MountOptionsCheck() {
        super("disk.mount_options", "Data directory mount options", Category.STORAGE);
    }

    @Override
    public CheckResult run(HostContext context) {
        Optional<FileStoreInfo> store = FileStores.holding(context.iggy().dataDir(), context.probe().fileStores());
        if (store.isEmpty()) {
            return CheckResult.skip("no mounted file system found for " + context.iggy().dataDir());
        }
        List<String> options = store.get().optionList();
        String mount = store.get().mount();
        CheckResult.Builder result;
        if (options.contains("ro")) {
            result = CheckResult.fail(mount + " is mounted read-only")
                    .remediation("Remount read-write (`mount -o remount,rw " + mount + "`) and check the kernel log: "
                            + "file systems turn read-only after I/O errors.");
        } else if (options.contains("strictatime")) {
            result = CheckResult.warn(mount + " uses strictatime: every read also writes an access time")
                    .remediation("Mount with noatime or relatime in /etc/fstab and remount.");
        } else {
            String atime = options.contains("noatime") ? "noatime" : "relatime (the default)";
            result = CheckResult.pass(mount + " is read-write with " + atime);
        }
        return result.detail("mount", mount).detail("options", store.get().options()).build();
    }
}
