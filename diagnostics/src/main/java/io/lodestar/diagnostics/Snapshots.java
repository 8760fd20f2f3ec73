package io.lodestar.diagnostics;

import io.lodestar.diagnostics.bundle.BundleAttachment;
import io.lodestar.diagnostics.bundle.BundleWriter;
import io.lodestar.diagnostics.report.Report;
import io.lodestar.diagnostics.report.Reports;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/** One call from a node's context to a snapshot bundle: run the catalog, build the report, write the ZIP. */
public final class Snapshots {

    private Snapshots() {
    }

    /** Runs every check and returns the (redacted when asked) report, with nothing written. */
    public static Report report(HostContext context, SnapshotOptions options) {
        List<Check> checks = CheckCatalog.all();
        long started = System.nanoTime();
        List<Finding> findings = new CatalogRunner(options.checkTimeout(), CatalogRunner.DEFAULT_THREADS).run(checks, context);
        return Reports.build(context, findings, Duration.ofNanos(System.nanoTime() - started), options.redactSecrets());
    }

    /** Writes {@code snapshot-<name>-<node_id>.zip} into {@code directory}. */
    public static Path writeBundle(HostContext context, SnapshotOptions options, Path directory) throws IOException {
        return new BundleWriter(options.bundle()).writeTo(directory, options.name(), context.nodeId(),
                report(context, options), context.iggy().dataDir());
    }

    /** As {@link #writeBundle(HostContext, SnapshotOptions, Path)}, with files the caller adds (Iggy's own ZIP). */
    public static Path writeBundle(HostContext context, SnapshotOptions options, Path directory,
                                   List<BundleAttachment> attachments) throws IOException {
        return new BundleWriter(options.bundle(), attachments).writeTo(directory, options.name(), context.nodeId(),
                report(context, options), context.iggy().dataDir());
    }

    /** Streams the bundle to {@code out} (e.g. an upload), which stays open; returns the report as written. */
    public static Report writeBundle(HostContext context, SnapshotOptions options, OutputStream out) throws IOException {
        return new BundleWriter(options.bundle()).write(report(context, options), context.iggy().dataDir(), out);
    }
}
