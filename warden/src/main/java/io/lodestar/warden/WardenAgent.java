package io.lodestar.warden;

import io.grpc.ManagedChannel;
import io.lodestar.protocol.v1.HostFacts;
import io.lodestar.protocol.v1.Task;
import io.lodestar.warden.config.WardenConfig;
import io.lodestar.warden.identity.Enrollment;
import io.lodestar.warden.identity.IdentityFile;
import io.lodestar.warden.identity.IdentityResolver;
import io.lodestar.warden.identity.NodeIdentity;
import io.lodestar.warden.link.Backoff;
import io.lodestar.warden.link.ChannelLinkConnector;
import io.lodestar.warden.link.Channels;
import io.lodestar.warden.link.CurrentStream;
import io.lodestar.warden.link.HostFactsReader;
import io.lodestar.warden.link.Link;
import io.lodestar.warden.link.Session;
import io.lodestar.warden.link.SupervisorClock;
import io.lodestar.warden.link.TaskIntake;
import io.lodestar.warden.logs.LogRequests;
import io.lodestar.warden.metrics.HostMetricsReader;
import io.lodestar.warden.metrics.RuntimeMetricsReader;
import io.lodestar.warden.runtime.DriverRegistry;
import io.lodestar.warden.runtime.HttpHealthProbe;
import io.lodestar.warden.runtime.ProcessDriver;
import io.lodestar.warden.runtime.ProcessSpecs;
import io.lodestar.warden.runtime.RuntimeDriver;
import io.lodestar.warden.runtime.RuntimeKind;
import io.lodestar.warden.state.InMemoryTaskJournal;
import io.lodestar.warden.state.TaskJournal;
import io.lodestar.warden.task.OperationKillHandler;
import io.lodestar.warden.task.RuntimeActionHandler;
import io.lodestar.warden.task.TaskHandlers;
import io.lodestar.warden.task.TaskLanes;
import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.MDC;
import oshi.SystemInfo;

/**
 * Puts the Warden together from its configuration and runs it: identity, runtime drivers, the
 * task intake and the link. Stopping it closes the link; the runtimes keep running.
 */
@ApplicationScoped
public class WardenAgent {

    private static final Duration HEALTH_REQUEST_TIMEOUT = Duration.ofSeconds(1);
    private static final Duration SHUTDOWN_WAIT = Duration.ofSeconds(3);

    @Inject
    WardenConfig config;

    @ConfigProperty(name = "quarkus.application.version", defaultValue = "dev")
    String version;

    private final Clock clock = Clock.systemUTC();
    private ManagedChannel channel;
    private ScheduledExecutorService heartbeats;
    /** Reads and follows runtime logs for the Supervisor, off the heartbeat thread. */
    private ScheduledExecutorService logReaders;
    private TaskLanes lanes;
    private Link link;

    /**
     * Finds (or enrolls) the node's identity and starts the link in the background.
     *
     * @throws io.lodestar.warden.identity.IdentityException when the node has no usable identity
     * @throws IllegalArgumentException when the configuration is unusable
     */
    public synchronized void start() {
        String supervisor = Channels.address(config.supervisor());
        DriverRegistry drivers = drivers();
        channel = Channels.build(config.supervisor(), version);
        HostFacts host = HostFactsReader.read();
        NodeIdentity identity = new IdentityResolver(new IdentityFile(config.identityFile()), config.enrollmentToken(),
                () -> new Enrollment(channel, supervisor, config.supervisor().enrollTimeout()))
                .resolve(host, version);
        MDC.put("node_id", identity.nodeId());

        TaskJournal journal = new InMemoryTaskJournal();
        lanes = new TaskLanes();
        TaskHandlers handlers = new TaskHandlers(Map.of(Task.KindCase.RUNTIME_ACTION, new RuntimeActionHandler(drivers),
                Task.KindCase.OPERATION_KILL, new OperationKillHandler(drivers, journal)));
        SupervisorClock supervisorClock = new SupervisorClock(clock);
        CurrentStream current = new CurrentStream();
        TaskIntake intake = new TaskIntake(journal, handlers, lanes, current, supervisorClock::millis);
        heartbeats = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "warden-heartbeat");
            thread.setDaemon(true);
            return thread;
        });
        logReaders = Executors.newScheduledThreadPool(2, runnable -> {
            Thread thread = new Thread(runnable, "warden-logs");
            thread.setDaemon(true);
            return thread;
        });
        SystemInfo system = new SystemInfo();
        HostMetricsReader hostMetrics = new HostMetricsReader(system, config.runtimes().iggy().workingDir());
        RuntimeMetricsReader runtimeMetrics = new RuntimeMetricsReader(system);
        Session session = new Session(identity, version, host, journal, intake,
                () -> runtimeMetrics.measure(drivers.statuses()), config.supervisor().welcomeTimeout(), heartbeats, clock,
                new LogRequests(logFiles(drivers), logReaders), hostMetrics::read);
        Backoff backoff = new Backoff(config.reconnect().initial(), config.reconnect().max(), new Random());
        link = new Link(identity.nodeId(), supervisor, new ChannelLinkConnector(channel), session, backoff,
                config.reconnect().max(), supervisorClock, current);
        Log.infof("Warden %s starting as node %d; Supervisor at %s; runtimes %s",
                version, identity.nodeId(), supervisor,
                drivers.all().keySet().stream().map(RuntimeKind::label).toList());
        link.start();
    }

    private Map<RuntimeKind, java.nio.file.Path> logFiles(DriverRegistry drivers) {
        Map<RuntimeKind, java.nio.file.Path> files = new EnumMap<>(RuntimeKind.class);
        drivers.driver(RuntimeKind.IGGY).ifPresent(d -> files.put(RuntimeKind.IGGY, config.runtimes().iggy().logFile()));
        drivers.driver(RuntimeKind.CONNECTORS).ifPresent(d -> files.put(RuntimeKind.CONNECTORS, config.runtimes().connectors().logFile()));
        return files;
    }

    private DriverRegistry drivers() {
        Map<RuntimeKind, RuntimeDriver> drivers = new EnumMap<>(RuntimeKind.class);
        HttpHealthProbe probe = new HttpHealthProbe(HEALTH_REQUEST_TIMEOUT);
        addIfEnabled(drivers, RuntimeKind.IGGY, config.runtimes().iggy(), probe);
        addIfEnabled(drivers, RuntimeKind.CONNECTORS, config.runtimes().connectors(), probe);
        return new DriverRegistry(drivers);
    }

    private void addIfEnabled(Map<RuntimeKind, RuntimeDriver> drivers, RuntimeKind kind,
            WardenConfig.RuntimeConfig runtime, HttpHealthProbe probe) {
        if (runtime.enabled()) {
            drivers.put(kind, new ProcessDriver(ProcessSpecs.from(kind, runtime), probe, clock));
        }
    }

    void onShutdown(@Observes ShutdownEvent event) {
        stop();
    }

    /** Closes the link and stops the Warden's threads; the runtimes keep running. */
    public synchronized void stop() {
        if (link != null) {
            link.stop(SHUTDOWN_WAIT);
            link = null;
            Log.info("link to the Supervisor closed; the runtimes keep running");
        }
        if (lanes != null) {
            lanes.close(SHUTDOWN_WAIT);
            lanes = null;
        }
        if (heartbeats != null) {
            heartbeats.shutdownNow();
            heartbeats = null;
        }
        if (logReaders != null) {
            logReaders.shutdownNow();
            logReaders = null;
        }
        if (channel != null) {
            Channels.close(channel, SHUTDOWN_WAIT);
            channel = null;
        }
    }
}
