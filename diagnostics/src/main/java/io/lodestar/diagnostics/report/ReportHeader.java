package io.lodestar.diagnostics.report;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * @param samplingWindow the deliberate CPU sampling wait inside {@code duration}
 * @param notes          bundle notes a reader must see, such as files left out of the data ZIP
 */
public record ReportHeader(String deploymentName, String nodeId, String hostname, Instant generatedAt, Duration duration,
                           Duration samplingWindow, String wardenVersion, boolean redacted, List<String> notes) {

    public ReportHeader {
        Objects.requireNonNull(deploymentName, "deploymentName");
        Objects.requireNonNull(nodeId, "nodeId");
        Objects.requireNonNull(hostname, "hostname");
        Objects.requireNonNull(generatedAt, "generatedAt");
        Objects.requireNonNull(duration, "duration");
        Objects.requireNonNull(samplingWindow, "samplingWindow");
        Objects.requireNonNull(wardenVersion, "wardenVersion");
        notes = List.copyOf(notes);
    }

    public ReportHeader withNotes(List<String> more) {
        List<String> all = new java.util.ArrayList<>(notes);
        all.addAll(more);
        return new ReportHeader(deploymentName, nodeId, hostname, generatedAt, duration, samplingWindow, wardenVersion,
                redacted, all);
    }
}
