package io.lodestar.supervisor.dispatch;

import io.lodestar.protocol.v1.RuntimeAction;
import io.lodestar.supervisor.config.RuntimeConfig;
import io.quarkus.narayana.jta.QuarkusTransaction;

/** Puts a reconfigure's config into its task message, so the node needs nothing but the task to apply it. */
final class RuntimeConfigs {

    private RuntimeConfigs() {
    }

    static void attach(RuntimeAction.Builder action, long configId) {
        // Tasks are turned into messages inside and outside transactions (the sweeper's re-push); join or begin one.
        RuntimeConfig config = QuarkusTransaction.joiningExisting().call(() -> RuntimeConfig.findById(configId));
        if (config != null) { // configs are never deleted; a missing one leaves the Warden to fail the task plainly
            action.setConfigContent(config.content).setConfigChecksum(config.checksum);
        }
    }
}
