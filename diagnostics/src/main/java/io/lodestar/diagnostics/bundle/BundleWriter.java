package io.lodestar.diagnostics.bundle;

import io.lodestar.diagnostics.report.HtmlReportRenderer;
import io.lodestar.diagnostics.report.JsonReportRenderer;
import io.lodestar.diagnostics.report.Report;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Writes {@code snapshot-<name>-<node_id>.zip}: {@code report.html}, {@code results.json} and, when
 * asked, {@code iggy-data.zip}. The data ZIP goes to a temp file first so its skipped files can be
 * written into the report, then is copied in as a stored entry; memory stays at one buffer.
 */
public final class BundleWriter {

    /** At most this many skipped files are named one by one; the rest are counted. */
    static final int MAX_LISTED_SKIPS = 200;

    private final BundleOptions options;
    private final List<BundleAttachment> attachments;

    public BundleWriter(BundleOptions options) {
        this(options, List.of());
    }

    public BundleWriter(BundleOptions options, List<BundleAttachment> attachments) {
        this.options = options;
        this.attachments = List.copyOf(attachments);
    }

    public static String fileName(String name, String nodeId) {
        return "snapshot-" + safe(name) + "-" + safe(nodeId) + ".zip";
    }

    /** Writes the bundle into {@code directory} (atomically renamed into place) and returns its path. */
    public Path writeTo(Path directory, String name, String nodeId, Report report, Path dataDir) throws IOException {
        Files.createDirectories(directory);
        Path target = directory.resolve(fileName(name, nodeId));
        Path partial = Files.createTempFile(directory, ".snapshot-", ".partial");
        try {
            try (OutputStream out = Files.newOutputStream(partial)) {
                write(report, dataDir, out);
            }
            return Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(partial);
        }
    }

    /** Writes the bundle to {@code out}, which stays open. Returns the report as written, with the bundle notes. */
    public Report write(Report report, Path dataDir, OutputStream out) throws IOException {
        Path dataZip = null;
        try {
            List<String> notes = new ArrayList<>();
            if (options.includeIggy()) {
                if (dataDir != null && Files.isDirectory(dataDir)) {
                    dataZip = Files.createTempFile("iggy-data-", ".zip");
                    try (OutputStream dataOut = Files.newOutputStream(dataZip)) {
                        notes.addAll(describe(new DataDirArchiver(options.maxDataBytes()).archive(dataDir, dataOut)));
                    }
                } else {
                    notes.add("iggy data not bundled: " + dataDir + " is not a directory");
                }
            }
            attachments.forEach(attachment -> notes.add(attachment.note()));
            Report finalReport = report.withNotes(notes);
            try (ZipOutputStream zip = new ZipOutputStream(new NonClosingOutputStream(out))) {
                text(zip, "report.html", new HtmlReportRenderer().render(finalReport));
                text(zip, "results.json", new JsonReportRenderer().render(finalReport));
                if (dataZip != null) {
                    stored(zip, "iggy-data.zip", dataZip);
                }
                for (BundleAttachment attachment : attachments) {
                    if (attachment.content() != null) {
                        zip.putNextEntry(new ZipEntry(attachment.name()));
                        zip.write(attachment.content());
                        zip.closeEntry();
                    }
                }
            }
            return finalReport;
        } finally {
            if (dataZip != null) {
                Files.deleteIfExists(dataZip);
            }
        }
    }

    static List<String> describe(DataArchive archive) {
        List<String> notes = new ArrayList<>();
        notes.add("iggy-data.zip: " + archive.filesIncluded() + " files, " + archive.bytesIncluded()
                + " bytes (cap " + archive.capBytes() + " bytes), " + archive.skipped().size() + " skipped");
        archive.skipped().stream().limit(MAX_LISTED_SKIPS).map(s -> "skipped " + s).forEach(notes::add);
        if (archive.skipped().size() > MAX_LISTED_SKIPS) {
            notes.add("... and " + (archive.skipped().size() - MAX_LISTED_SKIPS) + " more skipped files");
        }
        return notes;
    }

    private static void text(ZipOutputStream zip, String name, String content) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(content.getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
    }

    /** A ZIP inside a ZIP barely compresses: store it, which needs its CRC and size up front (one extra read). */
    private static void stored(ZipOutputStream zip, String name, Path file) throws IOException {
        byte[] buffer = new byte[DataDirArchiver.BUFFER_BYTES];
        CRC32 crc = new CRC32();
        try (InputStream in = Files.newInputStream(file)) {
            for (int n; (n = in.read(buffer)) > 0; ) {
                crc.update(buffer, 0, n);
            }
        }
        ZipEntry entry = new ZipEntry(name);
        entry.setMethod(ZipEntry.STORED);
        entry.setSize(Files.size(file));
        entry.setCompressedSize(Files.size(file));
        entry.setCrc(crc.getValue());
        zip.putNextEntry(entry);
        try (InputStream in = Files.newInputStream(file)) {
            for (int n; (n = in.read(buffer)) > 0; ) {
                zip.write(buffer, 0, n);
            }
        }
        zip.closeEntry();
    }

    private static String safe(String part) {
        return part.replaceAll("[^A-Za-z0-9._-]", "_");
    }
}
