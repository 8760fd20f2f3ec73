package io.lodestar.supervisor.iggy;

/**
 * A key whose change Iggy does not take safely, with the reason; a reconfigure that has one is refused
 * unless it says {@code "force": true}.
 */
public record ConfigDanger(String key, String reason) {
}
