package io.lodestar.diagnostics.checks;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Parsers for the kernel's "name value" and "name: value unit" files ({@code /proc/meminfo}, {@code /proc/vmstat}). */
public final class KeyValues {

    private KeyValues() {
    }

    /** {@code MemTotal:  16318412 kB} becomes {@code MemTotal -> 16318412}; units are left to the caller. */
    public static Map<String, Long> parse(List<String> lines) {
        Map<String, Long> values = new LinkedHashMap<>();
        for (String line : lines) {
            String[] f = line.replace(":", " ").strip().split("\\s+");
            if (f.length >= 2) {
                try {
                    values.put(f[0], Long.parseLong(f[1]));
                } catch (NumberFormatException ignored) {
                    // headers and non-numeric fields carry nothing a check reads
                }
            }
        }
        return values;
    }
}
