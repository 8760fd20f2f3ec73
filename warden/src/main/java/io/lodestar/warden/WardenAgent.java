package io.lodestar.warden;

import io.grpc.ManagedChannel;
import io.lodestar.protocol.RuntimeName;
import io.lodestar.protocol.v1.HostFacts;
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
import io.lodestar.warden.link.RuntimeEvents;
import io.lodestar.warden.link.Session;
import io.lodestar.warden.link.SupervisorClock;
import io.lodestar.warden.link.TaskIntake;
import io.lodestar.warden.logs.LogRequests;
import io.lodestar.warden.metrics.CertificateExpiries;
import io.lodestar.warden.metrics.HostMetricsReader;
import io.lodestar.warden.metrics.RuntimeMetricsReader;
import io.lodestar.warden.metrics.ClusterMembership;
import io.lodestar.warden.metrics.IggyViews;
import io.lodestar.warden.runtime.ConfigFileReport;
import io.lodestar.warden.runtime.SecretFile;
import io.lodestar.warden.snapshot.IggyOwnSnapshot;
import io.lodestar.warden.runtime.DriverRegistry;
import io.lodestar.warden.runtime.HttpHealthProbe;
import io.lodestar.warden.runtime.RuntimeDriver;
import io.lodestar.warden.runtime.ReplicaFile;
import io.lodestar.warden.runtime.RuntimeDrivers;
import io.lodestar.warden.snapshot.NodeDiagnostics;
import io.lodestar.warden.snapshot.SnapshotHandler;
import io.lodestar.warden.snapshot.SnapshotUploader;
import io.lodestar.warden.state.FileTaskJournal;
import io.lodestar.warden.task.InterruptedTasks;
import io.lodestar.warden.task.OperationKillHandler;
import io.lodestar.warden.task.Reconfiguration;
import io.lodestar.warden.task.ClusterReplica;
import io.lodestar.warden.task.RuntimeActionHandler;
import io.lodestar.warden.task.TaskHandlers;
import io.lodestar.warden.task.TaskLanes;
import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
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
    private static final Duration SNAPSHOT_UPLOAD_TIMEOUT = Duration.ofMinutes(10);
    private static final Duration MAINTENANCE = Duration.ofSeconds(5);
    private static final String JOURNAL_FILE = "tasks.journal";
    private static final int JOURNAL_ACKNOWLEDGED_KEPT = 10_000;

    @Inject
    WardenConfig config;

    @ConfigProperty(name = "quarkus.application.version", defaultValue = "dev")
    String version;

    private final Clock clock = Clock.systemUTC();
    private ManagedChannel channel;
    private ScheduledExecutorService heartbeats;
    /** Reads and follows runtime logs for the Supervisor, off the heartbeat thread. */
    private ScheduledExecutorService logReaders;
    private ScheduledExecutorService apiReader;
    private TaskLanes lanes;
    private FileTaskJournal journal;
    private Link link;

    /**
     * Finds (or enrolls) the node's identity and starts the link in the background.
     *
     * @throws io.lodestar.warden.identity.IdentityException when the node has no usable identity
     * @throws IllegalArgumentException when the configuration is unusable
     */
    public synchronized void start() {
        String supervisor = Channels.address(config.supervisor());
        CurrentStream current = new CurrentStream();
        RuntimeEvents runtimeEvents = new RuntimeEvents(current);
        DriverRegistry drivers = RuntimeDrivers.from(config, new HttpHealthProbe(HEALTH_REQUEST_TIMEOUT), clock, runtimeEvents);
        channel = Channels.build(config.supervisor(), version);
        HostFacts host = HostFactsReader.read();
        NodeIdentity identity = new IdentityResolver(new IdentityFile(config.identityFile()), config.enrollmentToken(),
                () -> new Enrollment(channel, supervisor, config.supervisor().enrollTimeout()))
                .resolve(host, version);
        MDC.put("node_id", identity.nodeId());

        journal = FileTaskJournal.open(config.stateDir().resolve(JOURNAL_FILE), JOURNAL_ACKNOWLEDGED_KEPT);
        lanes = new TaskLanes();
        IggyViews iggyViews = new IggyViews(healthUrls(drivers), new SecretFile(config.runtimes().iggy().tokenFile()),
                new SecretFile(config.runtimes().connectors().apiKeyFile()), clock);
        SnapshotHandler snapshots = new SnapshotHandler(
                () -> NodeDiagnostics.context(config, identity.nodeId(), version, clock.instant())
                        .iggyApi(iggyViews.diagnosticsView()),
                new SnapshotUploader(channel, identity, SNAPSHOT_UPLOAD_TIMEOUT), config.stateDir().resolve("snapshots"),
                Duration.ofSeconds(2), includeIggy -> IggyOwnSnapshot.attachments(iggyViews, includeIggy));
        TaskHandlers handlers = new TaskHandlers(List.of(
                new RuntimeActionHandler(drivers, new Reconfiguration(configPaths()), clusterReplica(iggyViews)),
                snapshots,
                new OperationKillHandler(drivers, journal)));
        InterruptedTasks.settle(journal, handlers);
        SupervisorClock supervisorClock = new SupervisorClock(clock);
        TaskIntake intake = new TaskIntake(journal, handlers, lanes, current, supervisorClock::millis, clock);
        heartbeats = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "warden-heartbeat");
            thread.setDaemon(true);
            return thread;
        });
        heartbeats.scheduleWithFixedDelay(() -> maintain(drivers, runtimeEvents), 0,
                MAINTENANCE.toMillis(), TimeUnit.MILLISECONDS);
        apiReader = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "warden-iggy-api");
            thread.setDaemon(true);
            return thread;
        });
        apiReader.scheduleWithFixedDelay(() -> readApis(iggyViews), 0, MAINTENANCE.toMillis(), TimeUnit.MILLISECONDS);
        logReaders = Executors.newScheduledThreadPool(2, runnable -> {
            Thread thread = new Thread(runnable, "warden-logs");
            thread.setDaemon(true);
            return thread;
        });
        SystemInfo system = new SystemInfo();
        HostMetricsReader hostMetrics = new HostMetricsReader(system, config.runtimes().iggy().workingDir());
        RuntimeMetricsReader runtimeMetrics = new RuntimeMetricsReader(system);
        ConfigFileReport configFiles = new ConfigFileReport(configPaths(), workingDirs());
        CertificateExpiries certificates = new CertificateExpiries(() -> certificateFiles(configFiles));
        Session session = new Session(identity, version, host, journal, intake,
                () -> iggyViews.annotate(configFiles.annotate(runtimeMetrics.measure(drivers.statuses()))), config.supervisor().welcomeTimeout(),
                heartbeats, clock,
                new LogRequests(logFiles(drivers), logReaders), heartbeat -> {
                    hostMetrics.read().ifPresent(heartbeat::setHostMetrics);
                    heartbeat.addAllCertificates(certificates.read());
                });
        Backoff backoff = new Backoff(config.reconnect().initial(), config.reconnect().max(), new Random());
        link = new Link(identity.nodeId(), supervisor, new ChannelLinkConnector(channel), session, backoff,
                config.reconnect().max(), supervisorClock, current);
        Log.infof("Warden %s starting as node %d; Supervisor at %s; runtimes %s",
                version, identity.nodeId(), supervisor,
                drivers.all().keySet().stream().map(RuntimeName::wireName).toList());
        link.start();
    }

    /** The CA the link trusts, then the certificates the runtimes' configs name. */
    private List<ConfigFileReport.CertificateFile> certificateFiles(ConfigFileReport configFiles) {
        List<ConfigFileReport.CertificateFile> files = new ArrayList<>();
        config.supervisor().tlsCaFile().ifPresent(ca -> files.add(new ConfigFileReport.CertificateFile("warden.supervisor.tls-ca-file", ca)));
        files.addAll(configFiles.certificateFiles());
        return files;
    }

    /** Driver housekeeping (log rotation, adoption) and runtime events held back while the link was down. */
    private static void maintain(DriverRegistry drivers, RuntimeEvents runtimeEvents) {
        try {
            drivers.all().values().forEach(RuntimeDriver::maintain);
            runtimeEvents.flush();
        } catch (RuntimeException e) {
            Log.errorf(e, "runtime maintenance failed"); // an exception would cancel the schedule
        }
    }

    /** The runtimes' own APIs, read on a thread of their own so a slow runtime never delays a heartbeat. */
    private static void readApis(IggyViews views) {
        try {
            views.refresh();
        } catch (RuntimeException e) {
            Log.errorf(e, "reading the runtimes' APIs failed"); // an exception would cancel the schedule
        }
    }

    private Map<RuntimeName, String> healthUrls(DriverRegistry drivers) {
        Map<RuntimeName, String> urls = new EnumMap<>(RuntimeName.class);
        drivers.all().keySet().forEach(runtime -> urls.put(runtime, config.runtimes().of(runtime).healthUrl()));
        return urls;
    }

    /** The log file of every enabled runtime. */
    private Map<RuntimeName, Path> logFiles(DriverRegistry drivers) {
        Map<RuntimeName, Path> files = new EnumMap<>(RuntimeName.class);
        drivers.all().keySet().forEach(runtime -> files.put(runtime, config.runtimes().of(runtime).logFile()));
        return files;
    }

    private Map<RuntimeName, Path> workingDirs() {
        Map<RuntimeName, Path> dirs = new EnumMap<>(RuntimeName.class);
        for (RuntimeName runtime : RuntimeName.values()) {
            dirs.put(runtime, config.runtimes().of(runtime).workingDir());
        }
        return dirs;
    }

    /** The Iggy server as a cluster replica, when it runs on this node. */
    private Optional<ClusterReplica> clusterReplica(IggyViews iggyViews) {
        WardenConfig.Iggy iggy = config.runtimes().iggy();
        if (!iggy.enabled()) {
            return Optional.empty();
        }
        return Optional.of(new ClusterReplica(new ReplicaFile(iggy.replicaFile()),
                new ClusterMembership(iggyViews, iggy.configPath(), clock), iggy.healthTimeout()));
    }

    private Map<RuntimeName, Path> configPaths() {
        Map<RuntimeName, Path> paths = new EnumMap<>(RuntimeName.class);
        for (RuntimeName runtime : RuntimeName.values()) {
            config.runtimes().of(runtime).configPath().ifPresent(path -> paths.put(runtime, path));
        }
        return paths;
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
        if (journal != null) {
            journal.close();
            journal = null;
        }
        if (heartbeats != null) {
            heartbeats.shutdownNow();
            heartbeats = null;
        }
        if (apiReader != null) {
            apiReader.shutdownNow();
            apiReader = null;
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
