package io.lodestar.diagnostics.bundle;

import static org.assertj.core.api.Assertions.assertThat;

import io.lodestar.diagnostics.report.Report;
import io.lodestar.diagnostics.testing.SampleReports;
import io.lodestar.diagnostics.testing.Zips;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BundleWriterTest {

    @TempDir
    Path temp;
    Path data;
    Path outside;

    @BeforeEach
    void dataDirectoryWithASymlinkOut() throws Exception {
        data = Files.createDirectories(temp.resolve("local_data"));
        outside = Files.createDirectories(temp.resolve("elsewhere"));
        Files.writeString(outside.resolve("shadow"), "root:secret-hash:outside");
        Files.createDirectories(data.resolve("streams/1/topics/1/partitions/1"));
        Files.write(data.resolve("streams/1/topics/1/partitions/1/00000000000000000000.log"), new byte[3000]);
        Files.write(data.resolve("streams/1/topics/1/partitions/1/00000000000000000000.index"), new byte[400]);
        Files.writeString(data.resolve("state.log"), "state");
        Files.createSymbolicLink(data.resolve("escape"), outside.resolve("shadow"));
        Files.createSymbolicLink(data.resolve("escape-dir"), outside);
    }

    @Test
    void bundleHoldsReportResultsAndDataWithoutFollowingSymlinks() throws Exception {
        Path bundle = new BundleWriter(new BundleOptions(true, 1_000_000)).writeTo(temp.resolve("out"), "20260601-103000",
                "610809900976570889", SampleReports.mixed(), data);

        assertThat(bundle.getFileName().toString()).isEqualTo("snapshot-20260601-103000-610809900976570889.zip");
        Map<String, byte[]> entries = Zips.read(bundle);
        assertThat(entries).containsOnlyKeys("report.html", "results.json", "iggy-data.zip");
        Map<String, byte[]> dataEntries = Zips.read(entries.get("iggy-data.zip"));
        assertThat(dataEntries).containsOnlyKeys("state.log", "streams/1/topics/1/partitions/1/00000000000000000000.log",
                "streams/1/topics/1/partitions/1/00000000000000000000.index");
        assertThat(dataEntries.values().stream().map(String::new)).noneMatch(s -> s.contains("outside"));
        String json = Zips.text(entries, "results.json");
        assertThat(json).contains("escape: symbolic link to " + outside.resolve("shadow") + " not followed")
                .contains("escape-dir: symbolic link to");
        assertThat(Zips.text(entries, "report.html")).contains("Bundle notes").contains("3 files, 3405 bytes");
        assertThat(temp.resolve("out")).isDirectoryNotContaining("glob:**.partial");
    }

    @Test
    void capSmallerThanTheDataSkipsWhatDoesNotFitAndSaysSo() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Report written = new BundleWriter(new BundleOptions(true, 1000)).write(SampleReports.mixed(), data, out);

        Map<String, byte[]> dataEntries = Zips.read(Zips.read(out.toByteArray()).get("iggy-data.zip"));
        long included = dataEntries.values().stream().mapToLong(b -> b.length).sum();
        assertThat(included).isLessThanOrEqualTo(1000);
        assertThat(dataEntries).containsKey("state.log").doesNotContainKey("streams/1/topics/1/partitions/1/00000000000000000000.log");
        assertThat(written.header().notes()).anyMatch(n -> n.contains("00000000000000000000.log: 3000 bytes would exceed the 1000-byte cap"));
    }

    @Test
    void withoutIncludeIggyThereIsNoDataZip() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new BundleWriter(new BundleOptions(false, 1000)).write(SampleReports.mixed(), data, out);
        assertThat(Zips.read(out.toByteArray())).containsOnlyKeys("report.html", "results.json");
    }

    @Test
    void missingDataDirectoryIsANoteNotAFailure() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Report written = new BundleWriter(BundleOptions.defaults()).write(SampleReports.mixed(), temp.resolve("absent"), out);
        assertThat(written.header().notes()).singleElement().asString().contains("not a directory");
        assertThat(Zips.read(out.toByteArray())).doesNotContainKey("iggy-data.zip");
    }

    @Test
    void manySkippedFilesAreCountedBeyondTheListedOnes() {
        var skipped = java.util.stream.IntStream.range(0, BundleWriter.MAX_LISTED_SKIPS + 5).mapToObj(i -> "f" + i + ": x").toList();
        var notes = BundleWriter.describe(new DataArchive(0, 0, 10, skipped));
        assertThat(notes).hasSize(BundleWriter.MAX_LISTED_SKIPS + 2).last().asString().contains("5 more");
    }
}
