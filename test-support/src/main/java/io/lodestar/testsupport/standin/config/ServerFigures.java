package io.lodestar.testsupport.standin.config;

import java.util.Optional;

/**
 * What the stand-in server pretends to hold, from {@code [standin]} knobs, so its {@code /stats}
 * and {@code /metrics} have figures to report: the real server counts streams, topics, partitions,
 * messages and clients it stores ({@code Stats}, {@code core/common/src/types/stats/mod.rs};
 * gauges in {@code core/server/src/http/metrics.rs:71-81}); the stand-in stores none.
 *
 * @param streams {@code streams} knob
 * @param topics {@code topics} knob
 * @param partitions {@code partitions} knob
 * @param clients {@code clients} knob
 * @param messagesPerSecond {@code messages_per_second} knob: the message count grows by this much
 *        per second of uptime; 0 keeps it still (messages not moving)
 * @param initialMessages {@code messages} knob: the count at start
 */
public record ServerFigures(long streams, long topics, long partitions, long clients, long messagesPerSecond,
                            long initialMessages) {

    static ServerFigures from(ConfigSource source) throws InvalidConfigException {
        return new ServerFigures(number(source.knob("streams")), number(source.knob("topics")),
                number(source.knob("partitions")), number(source.knob("clients")),
                number(source.knob("messages_per_second")), number(source.knob("messages")));
    }

    /** The message count after {@code uptimeMillis}. */
    public long messages(long uptimeMillis) {
        return initialMessages + messagesPerSecond * uptimeMillis / 1_000;
    }

    private static long number(Optional<Setting> setting) throws InvalidConfigException {
        return setting.isPresent() ? setting.get().asNonNegativeLong() : 0;
    }
}
