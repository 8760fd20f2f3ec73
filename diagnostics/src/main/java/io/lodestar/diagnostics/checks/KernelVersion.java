package io.lodestar.diagnostics.checks;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Major.minor of a Linux release string such as {@code 6.1.0-18-amd64}. */
public record KernelVersion(int major, int minor) implements Comparable<KernelVersion> {

    /** io_uring features iggy-server relies on arrived in 5.19. */
    public static final KernelVersion IGGY_MINIMUM = new KernelVersion(5, 19);

    private static final Pattern RELEASE = Pattern.compile("^(\\d+)\\.(\\d+)");

    public static Optional<KernelVersion> parse(String release) {
        Matcher m = RELEASE.matcher(release.strip());
        return m.find() ? Optional.of(new KernelVersion(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2))))
                : Optional.empty();
    }

    public boolean atLeast(KernelVersion other) {
        return compareTo(other) >= 0;
    }

    @Override
    public int compareTo(KernelVersion o) {
        return major != o.major ? Integer.compare(major, o.major) : Integer.compare(minor, o.minor);
    }

    @Override
    public String toString() {
        return major + "." + minor;
    }
}
