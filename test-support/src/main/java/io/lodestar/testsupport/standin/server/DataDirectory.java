package io.lodestar.testsupport.standin.server;

import io.lodestar.testsupport.standin.StandInFacts;
import io.lodestar.testsupport.standin.config.InvalidConfigException;
import io.lodestar.testsupport.standin.config.RuntimeConfig;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The runtime's data directory, laid out as its {@link StandInFacts.DataLayout} says, so a
 * data-directory bundle has content:
 * <pre>
 * iggy:        &lt;path&gt;/logs/iggy-server.log, &lt;path&gt;/state/stand-in.state, &lt;path&gt;/streams/stand-in/messages.log
 * connectors:  &lt;path&gt;/stand-in.state
 * </pre>
 * The state file counts starts across restarts, so a test can tell a restart from a no-op.
 */
public final class DataDirectory {

    private final StandInFacts facts;
    private final Path root;

    private DataDirectory(StandInFacts facts, Path root) {
        this.facts = facts;
        this.root = root;
    }

    /** Creates the directory tree; a path that cannot be created is an invalid config. */
    public static DataDirectory prepare(RuntimeConfig config) throws InvalidConfigException {
        DataDirectory dir = new DataDirectory(config.facts(), config.dataDir());
        try {
            Files.createDirectories(dir.stateFile().getParent());
            for (Optional<Path> file : List.of(dir.logFile(), dir.messagesFile())) {
                if (file.isPresent()) {
                    Files.createDirectories(file.get().getParent());
                }
            }
        } catch (IOException e) {
            throw new InvalidConfigException("cannot create the data directory " + dir.root + ": " + e);
        }
        return dir;
    }

    public Path root() {
        return root;
    }

    /** The server log ({@code <path>/logs/iggy-server.log}); connectors log to stdout only. */
    public Optional<Path> logFile() {
        return facts.data().logFile().map(root::resolve);
    }

    public Path stateFile() {
        return root.resolve(facts.data().stateFile());
    }

    private Optional<Path> messagesFile() {
        return facts.data().messagesFile().map(root::resolve);
    }

    /** Records this start: pid, time, start count and bound addresses; returns the start count. */
    public long recordStart(long pid, Instant startedAt, Path configFile, List<String> listening) throws IOException {
        long startCount = previousStartCount() + 1;
        StringBuilder state = new StringBuilder("# Written by the Lodestar stand-in runtime.\n")
                .append("mode=").append(facts.runtime().wireName()).append('\n')
                .append("pid=").append(pid).append('\n')
                .append("started_at=").append(startedAt).append('\n')
                .append("start_count=").append(startCount).append('\n')
                .append("config_file=").append(configFile).append('\n');
        listening.forEach(line -> state.append("listening=").append(line).append('\n'));
        Path tmp = stateFile().resolveSibling(stateFile().getFileName() + ".tmp");
        Files.writeString(tmp, state, StandardCharsets.UTF_8);
        Files.move(tmp, stateFile(), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        if (messagesFile().isPresent()) {
            Files.writeString(messagesFile().get(), "start " + startCount + " at " + startedAt + " pid " + pid + "\n",
                    StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        }
        return startCount;
    }

    /**
     * Writes what the server runs with to {@code <system.path>/runtime/current_config.toml}, as Iggy
     * does at start (its snapshot's {@code server_config} reads that file, snapshot.rs:227-230).
     * The stand-in copies the config file; on built-in defaults it says so.
     */
    public void writeCurrentConfig(Path configFile, boolean found) throws IOException {
        Path runtime = root.resolve("runtime");
        Files.createDirectories(runtime);
        String text = found ? Files.readString(configFile, StandardCharsets.UTF_8)
                : "# no config file at " + configFile + ": built-in defaults\n";
        Files.writeString(runtime.resolve("current_config.toml"), text, StandardCharsets.UTF_8);
    }

    private long previousStartCount() {
        try {
            for (String line : Files.readAllLines(stateFile(), StandardCharsets.UTF_8)) {
                if (line.startsWith("start_count=")) {
                    return Long.parseLong(line.substring("start_count=".length()).trim());
                }
            }
        } catch (IOException | NumberFormatException e) {
            // first start, or a state file we do not understand: count from zero
        }
        return 0;
    }
}
