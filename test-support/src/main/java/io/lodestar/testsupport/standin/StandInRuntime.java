package io.lodestar.testsupport.standin;

import io.lodestar.protocol.RuntimeName;
import io.lodestar.testsupport.standin.config.InvalidConfigException;
import io.lodestar.testsupport.standin.config.Knobs;
import io.lodestar.testsupport.standin.config.RuntimeConfig;
import io.lodestar.testsupport.standin.server.DataDirectory;
import io.lodestar.testsupport.standin.server.HttpEndpoints;
import io.lodestar.testsupport.standin.server.Superblock;
import io.lodestar.testsupport.standin.server.Listeners;
import io.lodestar.testsupport.standin.server.RuntimeLog;
import io.lodestar.testsupport.standin.server.Signals;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Collectors;

/**
 * A stand-in for {@code iggy-server} and {@code iggy-connectors}: reads the same config, binds the
 * same ports, answers the same liveness probe, writes its data directory and stops on the same
 * signals, so a Warden can supervise it as it would the real runtime.
 *
 * <p>Exit codes: 0 after a graceful stop, 1 on an invalid config, a refused boot (a superblock
 * that belongs to another cluster name, replica or roster size) or a simulated crash, 2 on a
 * usage error (an unknown runtime or a {@code --replica-id} that is not 0-255).
 */
public final class StandInRuntime {

    private static final String USAGE = "usage: StandInRuntime " + Arrays.stream(RuntimeName.values())
            .map(RuntimeName::wireName).collect(Collectors.joining("|"));

    private final StandInFacts facts;
    private final RuntimeLog log;
    private final StartArguments args;
    private final long pid = ProcessHandle.current().pid();
    private final Instant startedAt = Instant.now();
    private volatile RuntimeConfig config;
    private volatile boolean stopping;
    private volatile Listeners listeners;

    private StandInRuntime(StandInFacts facts, RuntimeLog log, StartArguments args) {
        this.facts = facts;
        this.log = log;
        this.args = args;
    }

    public static void main(String[] args) {
        if (args.length == 0) {
            System.err.println(USAGE);
            System.exit(2);
        }
        StandInFacts facts;
        try {
            facts = StandInFacts.fromArgument(args[0]);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage() + "\n" + USAGE);
            System.exit(2);
            return;
        }
        StartArguments startArguments;
        try {
            startArguments = StartArguments.parse(List.of(args).subList(1, args.length));
        } catch (IllegalArgumentException e) {
            System.err.println("error: " + e.getMessage() + "\n" + USAGE);
            System.exit(2);
            return;
        }
        RuntimeLog log = new RuntimeLog(facts.binaryName());
        StandInRuntime runtime = new StandInRuntime(facts, log, startArguments);
        // before the config is read (Jackson takes a while to load), so an early SIGTERM still drains
        Signals.onTermination(runtime::drain,
                signal -> log.warn("Received " + signal + " again, ignoring it: already shutting down."));
        try {
            runtime.config = RuntimeConfig.load(facts.runtime(), Path.of("").toAbsolutePath(), System.getenv(),
                    startArguments.replicaId());
            runtime.run();
        } catch (InvalidConfigException e) {
            log.error("invalid configuration: " + e.getMessage());
            System.exit(1);
        } catch (Exception e) {
            log.error("failed to start: " + e);
            System.exit(1);
        }
    }

    private void run() throws Exception {
        Knobs knobs = config.knobs();
        if (knobs.ignoreSigterm()) {
            Signals.ignoreTermination();
        }
        if (knobs.rejectConfig()) {
            throw new InvalidConfigException("rejected by the stand-in's reject_config knob");
        }
        DataDirectory data = DataDirectory.prepare(config);
        if (data.logFile().isPresent()) {
            log.attach(data.logFile().get());
        }
        log.info("Starting " + facts.binaryName() + " (Lodestar stand-in), pid " + pid + ".");
        log.info(config.configFileFound()
                ? "Loaded configuration from " + config.configFile() + "."
                : "Configuration file " + config.configFile() + " not found, using the built-in defaults.");
        log.info("Data directory: " + data.root());
        // the real server's --fresh deletes the data directory: leave a trace a test can look for
        args.ignored().forEach(arg -> log.warn("Ignoring command-line argument " + arg + "."));
        HttpEndpoints http;
        if (facts.runtime() == RuntimeName.IGGY) {
            Superblock.verifyOrCreate(data.root(), config.cluster());
            if (config.cluster().enabled()) {
                log.info("Cluster '" + config.cluster().name() + "': this is replica " + config.cluster().replicaId()
                        + " of " + config.cluster().replicaCount() + ".");
            }
            data.writeCurrentConfig(config.configFile(), config.configFileFound());
            http = HttpEndpoints.server(config, System.getenv(), args.withDefaultRootCredentials(), log, startedAt, pid);
        } else {
            http = HttpEndpoints.connectors(config, startedAt, pid);
        }
        if (knobs.crashOnStart()) {
            crash("simulated crash on start");
        }
        sleep(knobs.startDelay());
        if (stopping) {
            return;
        }
        listeners = Listeners.bind(config, log, http);
        long startCount = data.recordStart(pid, startedAt, config.configFile(), listeners.bound());
        log.info(facts.runningMessage() + " (start " + startCount + ")");
        if (!knobs.crashAfter().isZero()) {
            Thread crasher = new Thread(() -> {
                sleep(knobs.crashAfter());
                crash("simulated crash after " + knobs.crashAfter().toMillis() + " ms");
            }, "crash-timer");
            crasher.setDaemon(true);
            crasher.start();
        }
        new CountDownLatch(1).await();
    }

    private void drain(String signal) {
        stopping = true;
        RuntimeConfig loaded = config;
        Duration stopDelay = loaded == null ? Knobs.DEFAULT_STOP_DELAY : loaded.knobs().stopDelay();
        log.info("Received " + signal + ", shutting down (draining for " + stopDelay.toMillis() + " ms)...");
        sleep(stopDelay);
        Listeners open = listeners;
        if (open != null) {
            open.close();
        }
        log.info(facts.binaryName() + " has shut down gracefully.");
        System.exit(0);
    }

    private void crash(String reason) {
        log.error(reason + ", exiting with code 1");
        Runtime.getRuntime().halt(1);
    }

    private static void sleep(Duration duration) {
        if (duration.isZero()) {
            return;
        }
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
