package io.lodestar.warden.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PidFileTest {

    @Test
    void parsesPidAndStartTime() {
        assertThat(PidFile.parse("123 1700000000000\n")).contains(new PidFile.Entry(123, 1_700_000_000_000L));
    }

    @Test
    void ignoresContentItDidNotWrite() {
        assertThat(PidFile.parse("123\n")).isEmpty();
        assertThat(PidFile.parse("abc 1")).isEmpty();
        assertThat(PidFile.parse("")).isEmpty();
    }

    @Test
    void writesAndReadsBack(@TempDir Path dir) {
        PidFile file = new PidFile(dir.resolve("run/iggy.pid"));

        file.write(new PidFile.Entry(5, 6));

        assertThat(file.read()).contains(new PidFile.Entry(5, 6));
        file.delete();
        assertThat(file.read()).isEmpty();
    }

    @Test
    void theWardenItselfIsALiveProcessWithItsOwnStartTime() {
        ProcessHandle self = ProcessHandle.current();
        long start = PidFile.startEpochMs(self).orElseThrow();

        assertThat(PidFile.liveProcess(new PidFile.Entry(self.pid(), start))).isPresent();
        assertThat(PidFile.liveProcess(new PidFile.Entry(self.pid(), start - 60_000))).isEmpty();
    }
}
