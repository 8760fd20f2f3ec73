package io.lodestar.diagnostics.checks.storage;

import io.lodestar.diagnostics.Category;
import io.lodestar.diagnostics.CheckResult;
import io.lodestar.diagnostics.HostContext;
import io.lodestar.diagnostics.checks.AbstractCheck;
import io.lodestar.diagnostics.checks.RuntimeProcesses;
import io.lodestar.diagnostics.checks.Sizes;
import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;

/** The Iggy data directory exists, is a writable directory, and how big it is. */
public final class DataDirCheck extends AbstractCheck {

    public DataDirCheck() {
        super("disk.data_dir", "Iggy data directory", Category.STORAGE);
    }

    @Override
    public CheckResult run(HostContext context) throws IOException {
        Path dir = context.iggy().dataDir().toAbsolutePath().normalize();
        boolean running = RuntimeProcesses.iggy(context).isPresent();
        if (!Files.exists(dir)) {
            if (!running) {
                return CheckResult.skip("data directory " + dir + " does not exist and iggy-server is not running");
            }
            return CheckResult.fail("iggy-server is running but the data directory " + dir + " does not exist")
                    .detail("path", dir)
                    .remediation("The server probably runs from another working directory or with another [system] path: "
                            + "set IGGY_SYSTEM_PATH / the diagnose --data-dir option to the directory it really uses.")
                    .build();
        }
        if (!Files.isDirectory(dir)) {
            return CheckResult.fail(dir + " exists but is not a directory").detail("path", dir)
                    .remediation("Move the file away or point [system] path at a directory.").build();
        }
        long[] usage = measure(dir);
        CheckResult.Builder result = Files.isWritable(dir)
                ? CheckResult.pass(dir + " holds " + Sizes.bytes(usage[1]) + " in " + usage[0] + " files")
                : CheckResult.fail(dir + " is not writable by " + System.getProperty("user.name"))
                        .remediation("Give the runtime's user write access: `chown -R <iggy user> " + dir + "`.");
        return result.detail("path", dir).detail("files", usage[0]).detail("bytes", usage[1])
                .detail("size", Sizes.bytes(usage[1])).build();
    }

    /** File count and total bytes, without following symlinks. */
    static long[] measure(Path dir) throws IOException {
        long[] usage = new long[2];
        Files.walkFileTree(dir, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                if (attrs.isRegularFile()) {
                    usage[0]++;
                    usage[1] += attrs.size();
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException exc) {
                return FileVisitResult.CONTINUE; // a file removed mid-walk (segment rollover) is not an error
            }
        });
        return usage;
    }
}
