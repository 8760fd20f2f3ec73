package io.lodestar.supervisor.common;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.HexFormat;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Reception;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.lodestar.supervisor.SupervisorConfig;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.Startup;
import io.quarkus.runtime.ShutdownEvent;

/**
 * This replica's id worker (0..1023), leased from the database (table {@code supervisor_replicas}) so
 * that Supervisors sharing one database never share one: a starting replica takes a worker whose lease
 * lapsed or the lowest one never used, renews its lease every third of {@code supervisor.replica.lease},
 * and gives it back when it stops. Lease times are the database's clock, so replicas' clocks do not
 * have to agree on them. {@link #held()} turns false once the lease may have lapsed without a renewal
 * (a stalled process, a lost database); {@link Ids} then refuses to issue ids from it until a renewal
 * or a new lease succeeds. The lease row also tells the other replicas where to reach this one's REST API
 * ({@link #advertisedUrl()}), so they can relay log reads of the nodes it holds.
 *
 * <p>The renewal has a thread and a database connection of its own: under a burst that holds every pooled
 * connection and worker thread (a restart of a thousand nodes), a renewal waiting for either let the lease lapse,
 * and the replica then refused every write for want of ids.
 */
@Startup
@ApplicationScoped
public class WorkerIdLease {

    static final int WORKERS = 1024;
    private static final int ATTEMPTS = 20;

    @Inject
    DataSource dataSource;

    @Inject
    SupervisorConfig config;

    @ConfigProperty(name = "quarkus.http.host")
    String httpHost;

    @ConfigProperty(name = "quarkus.http.port")
    int httpPort;

    private final String holder = HexFormat.of().formatHex(new SecureRandom().generateSeed(16));
    private volatile int workerId = -1;
    private volatile long heldUntilNanos;
    private String advertisedUrl;
    private final ScheduledExecutorService renewals = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "id-worker-lease");
        thread.setDaemon(true);
        return thread;
    });
    /** The renewal's own connection, kept open; replaced when it fails. */
    private Connection renewal;

    @PostConstruct
    void acquire() {
        if (config.replica().renewInterval().compareTo(config.replica().lease().dividedBy(2)) > 0) {
            throw new IllegalStateException("supervisor.replica.renew-interval (" + config.replica().renewInterval()
                    + ") must be at most half of supervisor.replica.lease (" + config.replica().lease() + ")");
        }
        advertisedUrl = advertisedUrl(config.replica().advertisedUrl(), httpHost, httpPort);
        // Autocommit on a connection of its own, outside whatever transaction asked for the first id.
        QuarkusTransaction.suspendingExisting().run(this::lease);
        long every = config.replica().renewInterval().toMillis();
        renewals.scheduleWithFixedDelay(this::renew, every, every, TimeUnit.MILLISECONDS);
    }

    private void lease() {
        Duration lease = config.replica().lease();
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            try (Connection connection = dataSource.getConnection()) {
                connection.setAutoCommit(true);
                long asked = System.nanoTime();
                OffsetDateTime now = databaseNow(connection);
                Integer taken = takeLapsed(connection, now, lease);
                if (taken == null) {
                    taken = takeUnused(connection, now, lease);
                }
                if (taken != null) {
                    workerId = taken;
                    heldUntilNanos = asked + lease.toNanos();
                    Log.infof("Holding id worker %d (replica %s, lease %s)", workerId, holder, lease);
                    return;
                }
            } catch (SQLException raced) {
                // another replica took the same worker between our read and our write: look again
                Log.debugf("Id worker lease attempt %d: %s", attempt, raced.getMessage());
            }
        }
        throw new IllegalStateException("No id worker could be leased: all " + WORKERS + " are held by running Supervisors"
                + " (table supervisor_replicas), or the database refused every attempt");
    }

    /** The worker id this replica holds. */
    public int workerId() {
        return workerId;
    }

    /** This running process's token, as recorded with its lease. */
    public String holder() {
        return holder;
    }

    /** Where the other replicas reach this one's REST API, as recorded with its lease. */
    public String advertisedUrl() {
        return advertisedUrl;
    }

    /**
     * The configured URL without a trailing slash, or http:// with the address the API listens on (the host's name
     * when that is every address) and its port. A URL that is not absolute http(s) stops the start: the other
     * replicas could not use it.
     */
    static String advertisedUrl(Optional<String> configured, String listenHost, int port) {
        String url = configured.map(String::trim).filter(value -> !value.isEmpty()).orElseGet(() -> {
            boolean everyAddress = listenHost.equals("0.0.0.0") || listenHost.equals("::") || listenHost.equals("[::]");
            String host = everyAddress ? hostName() : listenHost;
            return "http://" + (host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host) + ":" + port;
        }).replaceAll("/+$", "");
        try {
            URI uri = new URI(url);
            if (("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null) {
                return url;
            }
        } catch (URISyntaxException invalid) {
            // refused below with the same sentence
        }
        throw new IllegalStateException("supervisor.replica.advertised-url must be an absolute http:// or https:// URL"
                + " of this Supervisor's REST API as the other replicas reach it; got '" + url + "'");
    }

    /** Whether the lease is certainly still ours: renewed less than one lease duration ago. */
    public boolean held() {
        return workerId >= 0 && System.nanoTime() - heldUntilNanos < 0;
    }

    synchronized void renew() {
        Duration lease = config.replica().lease();
        try {
            Connection connection = renewalConnection();
            long asked = System.nanoTime();
            OffsetDateTime now = databaseNow(connection);
            try (PreparedStatement update = connection.prepareStatement(
                    "update supervisor_replicas set renewed_at = ?, lease_until = ? where worker_id = ? and holder = ?")) {
                update.setObject(1, now);
                update.setObject(2, now.plus(lease));
                update.setInt(3, workerId);
                update.setString(4, holder);
                if (update.executeUpdate() == 1) {
                    heldUntilNanos = asked + lease.toNanos();
                    return;
                }
            }
            heldUntilNanos = asked;
            Log.errorf("The lease on id worker %d lapsed and another Supervisor took it; leasing another", workerId);
            lease();
        } catch (SQLException | RuntimeException e) {
            closeRenewalConnection();
            Log.warnf("Could not renew the lease on id worker %d: %s", workerId, e.getMessage());
        }
    }

    private Connection renewalConnection() throws SQLException {
        if (renewal == null || renewal.isClosed()) {
            renewal = dataSource.getConnection();
            renewal.setAutoCommit(true);
        }
        return renewal;
    }

    private void closeRenewalConnection() {
        if (renewal != null) {
            try {
                renewal.close();
            } catch (SQLException ignored) {
                // already broken: that is why it is replaced
            }
            renewal = null;
        }
    }

    void release(@Observes(notifyObserver = Reception.IF_EXISTS) ShutdownEvent event) {
        renewals.shutdownNow();
        synchronized (this) {
            closeRenewalConnection();
        }
        if (workerId < 0) {
            return;
        }
        heldUntilNanos = System.nanoTime();
        try (Connection connection = dataSource.getConnection();
                PreparedStatement delete = connection.prepareStatement("delete from supervisor_replicas where worker_id = ? and holder = ?")) {
            connection.setAutoCommit(true);
            delete.setInt(1, workerId);
            delete.setString(2, holder);
            delete.executeUpdate();
        } catch (SQLException | RuntimeException e) {
            Log.warnf("Could not give back id worker %d (it lapses by itself): %s", workerId, e.getMessage());
        }
    }

    private Integer takeLapsed(Connection connection, OffsetDateTime now, Duration lease) throws SQLException {
        try (PreparedStatement lapsed = connection.prepareStatement(
                "select worker_id from supervisor_replicas where lease_until < ? order by worker_id")) {
            lapsed.setObject(1, now);
            try (ResultSet rows = lapsed.executeQuery()) {
                while (rows.next()) {
                    int candidate = rows.getInt(1);
                    try (PreparedStatement take = connection.prepareStatement("update supervisor_replicas set holder = ?, host = ?,"
                            + " started_at = ?, renewed_at = ?, lease_until = ?, advertised_url = ? where worker_id = ? and lease_until < ?")) {
                        take.setString(1, holder);
                        take.setString(2, hostName());
                        take.setObject(3, now);
                        take.setObject(4, now);
                        take.setObject(5, now.plus(lease));
                        take.setString(6, advertisedUrl);
                        take.setInt(7, candidate);
                        take.setObject(8, now);
                        if (take.executeUpdate() == 1) {
                            return candidate;
                        }
                    }
                }
            }
        }
        return null;
    }

    private Integer takeUnused(Connection connection, OffsetDateTime now, Duration lease) throws SQLException {
        TreeSet<Integer> used = new TreeSet<>();
        try (PreparedStatement all = connection.prepareStatement("select worker_id from supervisor_replicas");
                ResultSet rows = all.executeQuery()) {
            while (rows.next()) {
                used.add(rows.getInt(1));
            }
        }
        for (int candidate = 0; candidate < WORKERS; candidate++) {
            if (!used.contains(candidate)) {
                try (PreparedStatement insert = connection.prepareStatement("insert into supervisor_replicas"
                        + " (worker_id, holder, host, started_at, renewed_at, lease_until, advertised_url) values (?, ?, ?, ?, ?, ?, ?)")) {
                    insert.setInt(1, candidate);
                    insert.setString(2, holder);
                    insert.setString(3, hostName());
                    insert.setObject(4, now);
                    insert.setObject(5, now);
                    insert.setObject(6, now.plus(lease));
                    insert.setString(7, advertisedUrl);
                    insert.executeUpdate(); // a duplicate key (a replica starting beside us) is retried by acquire()
                    return candidate;
                }
            }
        }
        return null;
    }

    private static OffsetDateTime databaseNow(Connection connection) throws SQLException {
        try (PreparedStatement now = connection.prepareStatement("select current_timestamp");
                ResultSet row = now.executeQuery()) {
            row.next();
            return row.getObject(1, OffsetDateTime.class);
        }
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "unknown";
        }
    }
}
