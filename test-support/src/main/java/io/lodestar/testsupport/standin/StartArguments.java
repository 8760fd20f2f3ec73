package io.lodestar.testsupport.standin;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;

/**
 * The server's command line after the runtime word. The real {@code iggy-server} knows exactly
 * three flags ({@code core/server/src/args.rs}): {@code --fresh}, {@code --with-default-root-credentials}
 * and {@code --replica-id N} (a u8). The stand-in acts on the last two and logs anything else as ignored.
 */
record StartArguments(OptionalInt replicaId, boolean withDefaultRootCredentials, List<String> ignored) {

    static StartArguments parse(List<String> args) {
        OptionalInt replicaId = OptionalInt.empty();
        boolean defaultRoot = false;
        List<String> ignored = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (arg.equals("--replica-id") && i + 1 < args.size()) {
                replicaId = OptionalInt.of(replicaId(args.get(++i)));
            } else if (arg.startsWith("--replica-id=")) {
                replicaId = OptionalInt.of(replicaId(arg.substring("--replica-id=".length())));
            } else if (arg.equals("--with-default-root-credentials")) {
                defaultRoot = true;
            } else {
                ignored.add(arg);
            }
        }
        return new StartArguments(replicaId, defaultRoot, List.copyOf(ignored));
    }

    /** clap rejects what is not a u8: a usage error. */
    private static int replicaId(String text) {
        try {
            int id = Integer.parseInt(text.trim());
            if (id >= 0 && id <= 255) {
                return id;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("invalid value '" + text + "' for '--replica-id <REPLICA_ID>': "
                + "expected a number from 0 to 255");
    }
}
