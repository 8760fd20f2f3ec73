package io.lodestar.diagnostics.cli;

import io.lodestar.diagnostics.HostContext;
import io.lodestar.diagnostics.IggySettings;
import io.lodestar.diagnostics.SnapshotOptions;
import io.lodestar.diagnostics.Snapshots;
import io.lodestar.diagnostics.bundle.BundleOptions;
import io.lodestar.diagnostics.CatalogRunner;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Optional;

/**
 * {@code diagnose}: runs every check on this node and writes the snapshot bundle, with no
 * Supervisor needed (like {@code sos report}). The Warden exposes it as {@code warden diagnose}.
 * Exit codes: 0 bundle written, 1 it could not be written, 2 bad arguments.
 */
public final class DiagnoseCommand {

    public static final int OK = 0;
    public static final int FAILED = 1;
    public static final int USAGE = 2;

    private static final DateTimeFormatter NAME_FORMAT = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);

    private DiagnoseCommand() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    public static int run(String[] args, PrintStream out, PrintStream err) {
        return run(args, out, err, HostContext.builder().environment(System.getenv()), Clock.systemUTC());
    }

    /** As {@link #run(String[], PrintStream, PrintStream)}, on a given context (the Warden passes its own facts). */
    public static int run(String[] args, PrintStream out, PrintStream err, HostContext.Builder context, Clock clock) {
        StringBuilder problem = new StringBuilder();
        Optional<DiagnoseArguments> parsed = DiagnoseArguments.parse(args, problem);
        if (parsed.isEmpty()) {
            err.println("diagnose: " + problem);
            err.println(DiagnoseArguments.USAGE);
            return USAGE;
        }
        DiagnoseArguments a = parsed.get();
        HostContext base = context.clock(clock).build();
        IggySettings iggy = a.dataDir() == null ? base.iggy() : base.iggy().withDataDir(a.dataDir());
        HostContext host = base.toBuilder().iggy(iggy).nodeId(a.nodeId() != null ? a.nodeId() : base.nodeId()).build();
        String name = a.name() != null ? a.name() : NAME_FORMAT.format(clock.instant());
        SnapshotOptions options = new SnapshotOptions(name, a.redact(), a.includeIggy(),
                BundleOptions.DEFAULT_MAX_DATA_BYTES, CatalogRunner.DEFAULT_TIMEOUT);
        try {
            Path bundle = Snapshots.writeBundle(host, options, a.out());
            out.println("snapshot written: " + bundle.toAbsolutePath());
            if (!a.redact()) {
                err.println("diagnose: secrets were NOT redacted; handle " + bundle.getFileName() + " as sensitive");
            }
            return OK;
        } catch (IOException | RuntimeException e) {
            err.println("diagnose: could not write the snapshot to " + a.out() + ": " + e);
            return FAILED;
        }
    }

}
