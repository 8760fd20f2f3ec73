package io.lodestar.warden;

import io.lodestar.diagnostics.cli.DiagnoseCommand;
import io.lodestar.warden.identity.IdentityException;
import io.lodestar.warden.state.JournalException;
import io.quarkus.logging.Log;
import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.QuarkusApplication;
import io.quarkus.runtime.annotations.QuarkusMain;
import jakarta.inject.Inject;
import java.io.PrintStream;
import java.util.Arrays;

/** The {@code warden} command: {@code run} (the default) runs the agent until it is stopped. */
@QuarkusMain
public class WardenMain implements QuarkusApplication {

    static final int OK = 0;
    static final int FAILED = 1;
    static final int USAGE = 2;

    @Inject
    WardenAgent agent;

    @Inject
    EnrollCommand enroll;

    @Override
    public int run(String... args) {
        String command = args.length == 0 ? "run" : args[0];
        // One case per subcommand.
        return switch (command) {
            case "run" -> args.length <= 1 ? runAgent() : usage("`run` takes no arguments");
            case "enroll" -> enroll.run(Arrays.asList(args).subList(1, args.length), System.out, System.err);
            case "diagnose" -> DiagnoseCommand.run(Arrays.copyOfRange(args, 1, args.length), System.out, System.err);
            case "help", "-h", "--help" -> {
                printUsage(System.out);
                yield OK;
            }
            default -> usage("unknown command `" + command + "`");
        };
    }

    private int runAgent() {
        try {
            agent.start();
        } catch (IdentityException | JournalException | IllegalArgumentException e) {
            Log.error(e.getMessage());
            agent.stop();
            return FAILED;
        }
        Quarkus.waitForExit();
        return OK;
    }

    private static int usage(String problem) {
        System.err.println("warden: " + problem);
        printUsage(System.err);
        return USAGE;
    }

    private static void printUsage(PrintStream out) {
        out.println("usage: warden [run | enroll --supervisor HOST:PORT --token TOKEN [--config FILE]"
                + " | diagnose --out DIR [--no-redact] [--include-iggy] [--data-dir PATH]]");
        out.println("  run       connect to the Supervisor and run the tasks it sends (the default)");
        out.println("  enroll    exchange a token from POST /agents/enrollments for this node's identity and write the");
        out.println("            Supervisor's address to FILE (default " + EnrollCommand.DEFAULT_CONFIG + ")");
        out.println("  diagnose  run the host checks and write a snapshot bundle to DIR; needs no Supervisor");
        out.println("configuration: warden.* properties or WARDEN_* environment variables");
    }
}
