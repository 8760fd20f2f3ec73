package io.lodestar.diagnostics.cli;

import java.nio.file.Path;
import java.util.Optional;

/** Parsed {@code diagnose} arguments; {@link #parse} rejects anything it does not know. */
record DiagnoseArguments(Path out, boolean redact, boolean includeIggy, Path dataDir, String name, String nodeId) {

    static final String USAGE = "usage: diagnose --out DIR [--no-redact] [--include-iggy] [--data-dir PATH] [--name NAME] [--node-id ID]";

    static Optional<DiagnoseArguments> parse(String[] args, StringBuilder problem) {
        Path out = null;
        boolean redact = true;
        boolean includeIggy = false;
        Path dataDir = null;
        String name = null;
        String nodeId = null;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            switch (arg) {
                case "--no-redact" -> redact = false;
                case "--include-iggy" -> includeIggy = true;
                case "--out", "--data-dir", "--name", "--node-id" -> {
                    if (i + 1 >= args.length || args[i + 1].startsWith("--") || args[i + 1].isBlank()) {
                        problem.append(arg).append(" needs a value");
                        return Optional.empty();
                    }
                    String value = args[++i];
                    switch (arg) {
                        case "--out" -> out = Path.of(value);
                        case "--data-dir" -> dataDir = Path.of(value);
                        case "--name" -> name = value;
                        default -> nodeId = value;
                    }
                }
                default -> {
                    problem.append("unknown argument: ").append(arg);
                    return Optional.empty();
                }
            }
        }
        if (out == null) {
            problem.append("--out is required");
            return Optional.empty();
        }
        return Optional.of(new DiagnoseArguments(out, redact, includeIggy, dataDir, name, nodeId));
    }
}
