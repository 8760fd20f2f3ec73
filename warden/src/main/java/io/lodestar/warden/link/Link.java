package io.lodestar.warden.link;

import io.grpc.Status;
import io.lodestar.protocol.v1.Welcome;
import io.quarkus.logging.Log;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.MDC;

/**
 * The Warden's side of the link: keeps one stream to the Supervisor open, dialing again with
 * backoff whenever it ends, and carries task updates on whichever stream is current.
 */
public final class Link implements Session.Listener {

    private final long nodeId;
    private final String supervisor;
    private final LinkConnector connector;
    private final Session session;
    private final Backoff backoff;
    private final Duration refusedDelay;
    private final SupervisorClock supervisorClock;
    private final CountDownLatch stopSignal = new CountDownLatch(1);
    private volatile boolean stopping;
    /** The stream being dialed or run, for shutdown. */
    private volatile LinkStream opened;
    private final CurrentStream current;
    private Thread thread;

    /**
     * @param supervisor where the Supervisor is, for messages
     * @param refusedDelay the pause after the Supervisor refused this node's identity
     * @param current where the welcomed stream is published for task updates
     */
    public Link(long nodeId, String supervisor, LinkConnector connector, Session session, Backoff backoff,
            Duration refusedDelay, SupervisorClock supervisorClock, CurrentStream current) {
        this.nodeId = nodeId;
        this.supervisor = supervisor;
        this.connector = connector;
        this.session = session;
        this.backoff = backoff;
        this.refusedDelay = refusedDelay;
        this.supervisorClock = supervisorClock;
        this.current = current;
    }

    public synchronized void start() {
        if (thread != null) {
            throw new IllegalStateException("the link is already started");
        }
        thread = new Thread(this::loop, "warden-link");
        thread.setDaemon(true);
        thread.start();
    }

    /** Whether a stream is welcomed right now. */
    public boolean isConnected() {
        return current.isConnected();
    }

    @Override
    public void welcomed(LinkStream stream, Welcome welcome) {
        backoff.reset();
        supervisorClock.observe(welcome.getServerTimeMs());
        current.set(stream);
        Log.infof("connected to the Supervisor at %s (session %d, heartbeat every %d ms)",
                supervisor, welcome.getSessionEpoch(), welcome.getHeartbeatIntervalMs());
    }

    @Override
    public void ended(LinkStream stream) {
        current.clear(stream);
    }

    private void loop() {
        MDC.put("node_id", nodeId);
        try {
            while (!stopping) {
                SessionEnd end = runOnce();
                if (stopping) {
                    return;
                }
                Duration delay = delayAfter(end);
                if (stopSignal.await(delay.toMillis(), TimeUnit.MILLISECONDS)) {
                    return;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            MDC.clear();
        }
    }

    private SessionEnd runOnce() throws InterruptedException {
        LinkStream stream;
        try {
            stream = connector.open();
        } catch (RuntimeException e) {
            return new SessionEnd(false, Status.fromThrowable(e));
        }
        opened = stream;
        try {
            if (stopping) {
                stream.close();
                return new SessionEnd(false, Status.CANCELLED);
            }
            return session.run(stream, this);
        } catch (RuntimeException e) {
            // A bug must cost this stream, not the link: end it and dial again.
            Log.errorf(e, "the link session failed");
            Status status = Status.INTERNAL.withDescription("the Warden failed to handle the link").withCause(e);
            stream.closeWithError(status);
            return new SessionEnd(false, status);
        } finally {
            opened = null;
        }
    }

    private Duration delayAfter(SessionEnd end) {
        String why = describe(end.status());
        if (end.refused()) {
            Log.errorf("the Supervisor at %s refused node %d: %s. Check the identity file, or enroll the node again "
                    + "with a new token; trying again in %d ms", supervisor, nodeId, why, refusedDelay.toMillis());
            return refusedDelay;
        }
        Duration delay = backoff.next();
        if (end.welcomed()) {
            Log.warnf("the link to the Supervisor at %s ended (%s); reconnecting in %d ms", supervisor, why, delay.toMillis());
        } else {
            Log.warnf("cannot connect to the Supervisor at %s (%s); trying again in %d ms", supervisor, why, delay.toMillis());
        }
        return delay;
    }

    private static String describe(Status status) {
        StringBuilder text = new StringBuilder(status.getCode().toString());
        if (status.getDescription() != null) {
            text.append(": ").append(status.getDescription());
        }
        if (status.getCause() != null && status.getCause().getMessage() != null) {
            text.append(" (").append(status.getCause().getMessage()).append(')');
        }
        return text.toString();
    }

    /**
     * Ends the current stream cleanly and stops dialing. Waits up to {@code wait} for the
     * Supervisor to end its side, then cancels.
     */
    public void stop(Duration wait) {
        stopping = true;
        stopSignal.countDown();
        LinkStream stream = opened;
        if (stream != null) {
            stream.close();
        }
        Thread running;
        synchronized (this) {
            running = thread;
        }
        if (running == null) {
            return;
        }
        try {
            running.join(wait.toMillis());
            if (running.isAlive()) {
                LinkStream still = opened;
                if (still != null) {
                    still.closeWithError(Status.CANCELLED.withDescription("the Warden is shutting down"));
                }
                running.interrupt();
                running.join(wait.toMillis());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
