package io.lodestar.warden.runtime;

import io.lodestar.protocol.RuntimeName;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class ProcessSpecsTest {

    @Test
    void envEntriesSplitAtTheFirstEqualsSign() {
        assertThat(ProcessSpecs.parseEnv(RuntimeName.IGGY, List.of("A=1", "B=x=y", "C=")))
                .containsExactly(java.util.Map.entry("A", "1"), java.util.Map.entry("B", "x=y"), java.util.Map.entry("C", ""));
    }

    @Test
    void anEnvEntryWithoutANameIsRejected() {
        assertThatThrownBy(() -> ProcessSpecs.parseEnv(RuntimeName.CONNECTORS, List.of("=1")))
                .hasMessage("warden.runtimes.connectors.env: expected NAME=value, got '=1'");
    }
}
