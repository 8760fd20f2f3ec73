package io.lodestar.supervisor.iggy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

import io.lodestar.diagnostics.redact.Redactor;

/**
 * One key that differs between two versions of a config, as the plan shows it: secrets masked with the
 * same redaction the Warden applies to logs and snapshots ({@link Redactor}), so a plan never shows a
 * password, a JWT secret, {@code system.encryption.key} or {@code cluster.auth.shared_secret}.
 *
 * @param change {@code added}, {@code removed} or {@code changed}
 * @param restart whether applying it restarts the runtime: always, Iggy has no reload (IGGY.md, "There is no
 *        reload: every config change needs a process restart")
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ConfigChange(String key, String change, String from, String to, boolean restart,
        @JsonProperty("secret") boolean secret) {

    /** The keys that differ, in key order; values of secret keys masked. */
    static List<ConfigChange> between(Map<String, String> before, Map<String, String> after) {
        List<ConfigChange> changes = new ArrayList<>();
        TreeSet<String> keys = new TreeSet<>(before.keySet());
        keys.addAll(after.keySet());
        for (String key : keys) {
            String from = before.get(key);
            String to = after.get(key);
            if (Objects.equals(from, to)) {
                continue;
            }
            boolean secret = isSecret(key, from) || isSecret(key, to);
            String change = from == null ? "added" : to == null ? "removed" : "changed";
            changes.add(new ConfigChange(key, change, mask(from, secret), mask(to, secret), true, secret));
        }
        return changes;
    }

    /** Whether the key names a secret, or the value holds one, by the redaction rules. */
    static boolean isSecret(String key, String value) {
        if (value == null || value.isEmpty()) {
            return false;
        }
        String leaf = key.substring(key.lastIndexOf('.') + 1);
        return Redactor.containsSecret(leaf + " = \"" + value.replace("\"", "") + "\"") || Redactor.containsSecret(value);
    }

    private static String mask(String value, boolean secret) {
        return value == null || !secret || value.isEmpty() ? value : Redactor.MARK;
    }
}
