package io.lodestar.testsupport.standin;

import io.lodestar.protocol.RuntimeName;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.util.List;
import org.junit.jupiter.api.Test;

class StandInCommandTest {

    @Test
    void commandRunsTheMainClassWithTheModeLast() {
        List<String> command = StandInCommand.of(RuntimeName.CONNECTORS, "a.jar");

        assertThat(command.get(0)).isEqualTo(StandInCommand.javaExecutable().toString());
        assertThat(command).containsSubsequence("-cp", "a.jar", "io.lodestar.testsupport.standin.StandInRuntime", "connectors");
        assertThat(command).containsAll(StandInCommand.JVM_OPTIONS);
        assertThat(command.get(command.size() - 1)).isEqualTo("connectors");
    }

    @Test
    void classpathHoldsThisModuleJacksonAndTheRuntimeNamesOnly() {
        String[] entries = StandInCommand.classpath().split(File.pathSeparator);

        assertThat(entries[0]).endsWith("classes");
        assertThat(entries).hasSize(7)
                .anyMatch(e -> e.contains("jackson-dataformat-toml"))
                .anyMatch(e -> e.contains("jackson-databind"))
                .anyMatch(e -> e.contains("jackson-core"))
                .anyMatch(e -> e.contains("jackson-annotations"))
                .anyMatch(e -> e.contains("protocol"))
                .anyMatch(e -> e.contains("protobuf-java"));
    }
}
