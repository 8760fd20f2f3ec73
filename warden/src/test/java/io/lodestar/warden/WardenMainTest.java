package io.lodestar.warden;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.main.Launch;
import io.quarkus.test.junit.main.LaunchResult;
import io.quarkus.test.junit.main.QuarkusMainTest;
import org.junit.jupiter.api.Test;

@QuarkusMainTest
class WardenMainTest {

    @Test
    @Launch(value = "bogus", exitCode = 2)
    void anUnknownCommandIsAUsageError(LaunchResult result) {
        assertThat(result.getErrorOutput()).contains("warden: unknown command `bogus`").contains("usage: warden [run]");
    }

    @Test
    @Launch(value = {}, exitCode = 1)
    void runWithoutIdentityOrTokenExitsWithHowToEnroll(LaunchResult result) {
        assertThat(result.getOutput() + result.getErrorOutput())
                .contains("no identity at target/test-state/identity.json; enroll with a token from POST /agents/enrollments");
    }

    @Test
    @Launch(value = "help")
    void helpPrintsUsage(LaunchResult result) {
        assertThat(result.getOutput()).contains("usage: warden [run]");
    }
}
