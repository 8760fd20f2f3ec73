package io.lodestar.diagnostics.checks.kernel;

import io.lodestar.diagnostics.Category;
import io.lodestar.diagnostics.CheckResult;
import io.lodestar.diagnostics.HostContext;
import io.lodestar.diagnostics.checks.AbstractCheck;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** THP in "always" mode makes the kernel compact memory on allocation: multi-millisecond stalls on a latency path. */
public final class TransparentHugepagesCheck extends AbstractCheck {

    private static final String PATH = "/sys/kernel/mm/transparent_hugepage/enabled";
    private static final Pattern SELECTED = Pattern.compile("\\[(\\w+)]");

    public TransparentHugepagesCheck() {
        super("kernel.transparent_hugepages", "Transparent huge pages", Category.KERNEL);
    }

    @Override
    public CheckResult run(HostContext context) {
        Optional<String> text = context.host().value(PATH);
        if (text.isEmpty()) {
            return CheckResult.skip(PATH + " is not readable (kernel built without THP?)");
        }
        String mode = parseMode(text.get());
        CheckResult.Builder result = mode.equals("always")
                ? CheckResult.warn("transparent huge pages: always, which can stall allocations during compaction")
                        .remediation("Use madvise: `echo madvise > " + PATH + "`, and persist it with the kernel "
                                + "parameter transparent_hugepage=madvise (or a systemd unit / tuned profile).")
                : CheckResult.pass("transparent huge pages: " + mode);
        return result.detail("mode", mode).build();
    }

    /** The file lists every mode and brackets the selected one: {@code always [madvise] never}. */
    static String parseMode(String text) {
        Matcher m = SELECTED.matcher(text);
        return m.find() ? m.group(1) : text.strip();
    }
}
