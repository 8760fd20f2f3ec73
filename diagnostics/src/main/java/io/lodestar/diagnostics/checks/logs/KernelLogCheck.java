package io.lodestar.diagnostics.checks.logs;

import io.lodestar.diagnostics.Category;
import io.lodestar.diagnostics.CheckResult;
import io.lodestar.diagnostics.HostContext;
import io.lodestar.diagnostics.checks.AbstractCheck;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Kernel messages that explain broker trouble: I/O errors, file system errors, OOM kills and
 * segfaults. Reads the syslog copy of the kernel ring buffer ({@code /dev/kmsg} blocks at its end
 * and needs privileges); skips when no such file exists.
 */
public final class KernelLogCheck extends AbstractCheck {

    static final List<String> FILES = List.of("/var/log/kern.log", "/var/log/messages", "/var/log/syslog");
    static final Pattern TROUBLE = Pattern.compile(
            "I/O error|blk_update_request|EXT4-fs error|XFS .*(error|corrupt)|Out of memory|oom-kill|segfault|hung_task|Remounting filesystem read-only",
            Pattern.CASE_INSENSITIVE);
    static final int TAIL_BYTES = 512 * 1024;

    public KernelLogCheck() {
        super("logs.kernel", "Kernel log errors", Category.LOGS);
    }

    @Override
    public CheckResult run(HostContext context) {
        for (String file : FILES) {
            Optional<List<String>> tail = context.host().tail(file, TAIL_BYTES);
            if (tail.isPresent()) {
                List<String> trouble = matching(tail.get());
                CheckResult.Builder result = trouble.isEmpty()
                        ? CheckResult.pass("no I/O, file system, OOM or segfault messages in the last " + tail.get().size() + " lines of " + file)
                        : CheckResult.warn(trouble.size() + " kernel trouble message(s) in " + file)
                                .remediation("Read the lines below: I/O and file system errors mean a failing disk "
                                        + "(check `smartctl -a`), OOM kills mean memory pressure (memory.* checks).")
                                .detail("excerpt", String.join("\n", trouble.subList(Math.max(0, trouble.size() - 20), trouble.size())));
                return result.detail("file", file).detail("matches", trouble.size()).build();
            }
        }
        return CheckResult.skip("no kernel log file readable (" + String.join(", ", FILES) + "); use `journalctl -k`");
    }

    static List<String> matching(List<String> lines) {
        List<String> hits = new ArrayList<>();
        for (String line : lines) {
            if (line.contains("kernel:") && TROUBLE.matcher(line).find()) { // syslog files mix in other daemons
                hits.add(line);
            }
        }
        return hits;
    }
}
