package io.lodestar.warden.task;

import io.lodestar.diagnostics.redact.Redactor;
import io.lodestar.protocol.RuntimeName;
import io.lodestar.protocol.v1.RuntimeAction;
import io.lodestar.warden.runtime.ActionDeadline;
import io.lodestar.warden.runtime.ActionResult;
import io.lodestar.warden.runtime.ConfigFile;
import io.lodestar.warden.runtime.RuntimeDriver;
import io.lodestar.warden.runtime.RuntimeProgress;
import io.quarkus.logging.Log;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;

/**
 * Applies a config version to a runtime: checks its checksum, writes it atomically (keeping the
 * previous file), restarts the runtime and waits for health; when health fails, restores the
 * previous file, restarts again and reports "rolled back: …". The config's text is never logged,
 * and runtime output quoted in outcomes is redacted, since either may hold secrets.
 */
public final class Reconfiguration {

    private final Map<RuntimeName, Path> configPaths;

    /** @param configPaths each runtime's {@code warden.runtimes.<runtime>.config-path}, where one is set */
    public Reconfiguration(Map<RuntimeName, Path> configPaths) {
        this.configPaths = Map.copyOf(configPaths);
    }

    /**
     * @param progress hears the runtime's process come up on the new config (and again on a rollback)
     * @param deadline past it the Warden stops waiting for health and does not roll back: a rollback is one more
     *     restart the task has no time left for, so the runtime stays on the new config as it is
     */
    public TaskOutcome apply(RuntimeName runtime, RuntimeDriver driver, RuntimeAction action, RuntimeProgress progress,
            ActionDeadline deadline) {
        String config = "config " + action.getConfigId();
        Optional<Path> path = Optional.ofNullable(configPaths.get(runtime));
        if (path.isEmpty()) {
            return TaskOutcome.failed(runtime.wireName() + " has no config file on this node: set warden.runtimes." + runtime.wireName()
                    + ".config-path so the Warden knows where to write " + config + "; nothing was changed");
        }
        String expected = action.getConfigChecksum();
        String actual = sha256(action.getConfigContent());
        if (expected.isEmpty() || !expected.equalsIgnoreCase(actual)) {
            return TaskOutcome.failed(config + " arrived with checksum " + actual + " instead of "
                    + (expected.isEmpty() ? "none" : expected) + "; nothing was changed");
        }
        ConfigFile file = new ConfigFile(path.get());
        try {
            file.replace(action.getConfigContent());
        } catch (IOException e) {
            return TaskOutcome.failed("could not write " + config + " to " + file.path() + ": " + e.getMessage()
                    + "; the runtime was not restarted");
        }
        Log.infof("%s: wrote %s (sha256 %s) to %s, previous kept as %s; restarting", runtime.wireName(), config,
                actual, file.path(), file.previousPath());
        ActionResult restarted = driver.restart(progress, deadline);
        if (restarted.succeeded()) {
            return TaskOutcome.succeeded(runtime.wireName() + " runs with " + config + " (sha256 " + actual.substring(0, 12)
                    + "…): " + restarted.message(), restarted.pid());
        }
        if (restarted.timedOut()) {
            return TaskOutcome.timedOut(Redactor.redact(restarted.message()) + "; " + config + " stays in " + file.path()
                    + ", not rolled back (the previous config is kept as " + file.previousPath() + ")", restarted.pid());
        }
        return rollBack(runtime, driver, file, config, Redactor.redact(restarted.message()), progress);
    }

    private static TaskOutcome rollBack(RuntimeName runtime, RuntimeDriver driver, ConfigFile file, String config,
            String failure, RuntimeProgress progress) {
        Log.warnf("%s did not come back healthy with %s; restoring the previous config", runtime.wireName(), config);
        try {
            file.restorePrevious();
        } catch (IOException e) {
            return TaskOutcome.failed("rolled back: failed; " + runtime.wireName() + " did not come back healthy with " + config
                    + " (" + failure + ") and the previous config could not be restored to " + file.path() + ": "
                    + e.getMessage());
        }
        ActionResult again = driver.restart(progress);
        if (again.succeeded()) {
            return new TaskOutcome(false, "rolled back: " + runtime.wireName() + " did not come back healthy with " + config
                    + " (" + failure + "); restored the previous config and " + again.message(), again.pid());
        }
        return TaskOutcome.failed("rolled back: " + runtime.wireName() + " did not come back healthy with " + config + " ("
                + failure + "); restored the previous config, but " + runtime.wireName() + " did not come back on it either: "
                + Redactor.redact(again.message()));
    }

    static String sha256(String content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(content.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
