package io.lodestar.testsupport.standin;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StandInSignalTest {

    private static final Duration HEALTHY = Duration.ofSeconds(15);
    private static final Duration EXIT = Duration.ofSeconds(10);

    @TempDir
    Path dir;

    @Test
    void sigtermExitsZeroAfterTheStopDelayAndFreesThePort() throws Exception {
        try (StandInProcess iggy = StandInProcess.iggy().workingDir(dir).stopDelay(Duration.ofMillis(500)).start()) {
            iggy.awaitHealthy(HEALTHY);

            long signalled = System.nanoTime();
            iggy.process().destroy();
            OptionalInt exit = iggy.awaitExit(EXIT);

            assertThat(exit).hasValue(0);
            assertThat(Duration.ofNanos(System.nanoTime() - signalled)).isGreaterThanOrEqualTo(Duration.ofMillis(500));
            assertThat(iggy.output()).contains("Received SIGTERM, shutting down", "has shut down gracefully");
            assertThat(Files.readString(dir.resolve("local_data/logs/iggy-server.log"))).contains("shutting down");
            try (ServerSocket rebind = new ServerSocket()) {
                rebind.setReuseAddress(true);
                rebind.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), iggy.httpPort()));
            }
        }
    }

    @Test
    void secondSigtermDuringTheDrainIsIgnored() throws Exception {
        try (StandInProcess iggy = StandInProcess.iggy().workingDir(dir).stopDelay(Duration.ofMillis(800)).start()) {
            iggy.awaitHealthy(HEALTHY);

            iggy.process().destroy();
            Thread.sleep(150);
            iggy.process().destroy();

            assertThat(iggy.awaitExit(Duration.ofMillis(300))).isEmpty();
            assertThat(iggy.awaitExit(EXIT)).hasValue(0);
            assertThat(iggy.output()).contains("Received SIGTERM again, ignoring it");
        }
    }

    @Test
    void sigintAlsoStopsGracefully() throws Exception {
        try (StandInProcess connectors = StandInProcess.connectors().workingDir(dir).start()) {
            connectors.awaitHealthy(HEALTHY);

            Process kill = new ProcessBuilder("kill", "-INT", Long.toString(connectors.pid())).start();
            assertThat(kill.waitFor()).isZero();

            assertThat(connectors.awaitExit(EXIT)).hasValue(0);
            assertThat(connectors.output()).contains("Received SIGINT, shutting down");
        }
    }

    @Test
    void ignoringSigtermNeedsSigkill() throws Exception {
        try (StandInProcess iggy = StandInProcess.iggy().workingDir(dir).ignoreSigterm().start()) {
            iggy.awaitHealthy(HEALTHY);

            iggy.process().destroy();
            assertThat(iggy.awaitExit(Duration.ofMillis(700))).isEmpty();
            assertThat(iggy.isHealthy()).isTrue();

            assertThat(iggy.kill()).isEqualTo(137);
            assertThat(iggy.isAlive()).isFalse();
        }
    }

    @Test
    void stopFallsBackToSigkillAfterTheGrace() throws Exception {
        try (StandInProcess iggy = StandInProcess.iggy().workingDir(dir).ignoreSigterm().start()) {
            iggy.awaitHealthy(HEALTHY);

            assertThat(iggy.stop(Duration.ofMillis(300))).isEqualTo(137);
        }
    }
}
