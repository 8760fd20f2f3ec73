package io.lodestar.supervisor.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import io.lodestar.supervisor.common.DomainException;

class ActionSpecTest {

    @Test
    void theThreeRuntimeActionsParse() {
        assertThat(ActionSpec.parse("start").kind()).isEqualTo(ActionSpec.Kind.START);
        assertThat(ActionSpec.parse("stop").kind()).isEqualTo(ActionSpec.Kind.STOP);
        assertThat(ActionSpec.parse("restart").wireName()).isEqualTo("restart");
    }

    @Test
    void reconfigureCarriesItsConfigId() {
        ActionSpec spec = ActionSpec.parse("reconfigure:42");
        assertThat(spec.kind()).isEqualTo(ActionSpec.Kind.RECONFIGURE);
        assertThat(spec.configId()).isEqualTo(42L);
        assertThat(spec.wireName()).isEqualTo("reconfigure:42");
    }

    @Test
    void aMalformedReconfigureSaysHowToWriteIt() {
        assertThatThrownBy(() -> ActionSpec.parse("reconfigure:x1")).isInstanceOf(DomainException.Invalid.class)
                .hasMessageContaining("reconfigure:{config_id}");
        assertThatThrownBy(() -> ActionSpec.parse("reconfigure:99999999999999999999"))
                .hasMessageContaining("reconfigure:{config_id}");
        assertThatThrownBy(() -> ActionSpec.parse("reconfigure")).hasMessageContaining("needs a config id");
    }

    @Test
    void unknownActionsNameTheKnownOnes() {
        assertThatThrownBy(() -> ActionSpec.parse("reboot")).hasMessageContaining("Unknown action 'reboot'")
                .hasMessageContaining("start, stop, restart");
    }
}
