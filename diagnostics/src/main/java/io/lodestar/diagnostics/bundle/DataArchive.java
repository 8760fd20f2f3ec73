package io.lodestar.diagnostics.bundle;

import java.util.List;

/** What went into {@code iggy-data.zip} and what was left out, with why, for the report's notes. */
public record DataArchive(long filesIncluded, long bytesIncluded, long capBytes, List<String> skipped) {

    public DataArchive {
        skipped = List.copyOf(skipped);
    }
}
