package io.lodestar.diagnostics.checks.storage;

import static org.assertj.core.api.Assertions.assertThat;

import io.lodestar.diagnostics.HostContext;
import io.lodestar.diagnostics.IggySettings;
import io.lodestar.diagnostics.Status;
import io.lodestar.diagnostics.testing.Contexts;
import io.lodestar.diagnostics.testing.FakeHost;
import io.lodestar.diagnostics.testing.FakeProbe;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DataDirCheckTest {

    @TempDir
    Path temp;

    private HostContext context(Path dataDir, FakeProbe probe) {
        return Contexts.on(new FakeHost(), probe).iggy(IggySettings.defaults().withDataDir(dataDir)).build();
    }

    @Test
    void existingWritableDirectoryPassesWithItsSize() throws Exception {
        Files.createDirectories(temp.resolve("streams/1"));
        Files.write(temp.resolve("streams/1/00000.log"), new byte[1500]);
        Files.write(temp.resolve("state.bin"), new byte[500]);
        var result = new DataDirCheck().run(context(temp, new FakeProbe()));
        assertThat(result.status()).isEqualTo(Status.PASS);
        assertThat(result.details()).containsEntry("files", "2").containsEntry("bytes", "2000");
    }

    @Test
    void missingDirectorySkipsWhenIggyIsNotRunning() throws Exception {
        assertThat(new DataDirCheck().run(context(temp.resolve("absent"), new FakeProbe())).status()).isEqualTo(Status.SKIP);
    }

    @Test
    void missingDirectoryFailsWhileIggyRuns() throws Exception {
        FakeProbe probe = new FakeProbe().running(FakeProbe.process(100, "iggy-server", "1000"));
        var result = new DataDirCheck().run(context(temp.resolve("absent"), probe));
        assertThat(result.status()).isEqualTo(Status.FAIL);
        assertThat(result.remediation()).contains("IGGY_SYSTEM_PATH");
    }

    @Test
    void aFileInsteadOfADirectoryFails() throws Exception {
        Path file = Files.writeString(temp.resolve("local_data"), "oops");
        assertThat(new DataDirCheck().run(context(file, new FakeProbe())).status()).isEqualTo(Status.FAIL);
    }
}
