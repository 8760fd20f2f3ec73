package io.lodestar.supervisor.observe;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.lodestar.protocol.v1.LogChunk;
import io.quarkus.logging.Log;

/**
 * Streams new log lines of a deployment's nodes to a client as server-sent events: a {@code lines}
 * event per batch a Warden sends, an {@code error} event for a node that cannot be followed. A
 * keep-alive comment every few seconds notices a client that went away; then every node is told to
 * stop following.
 */
@ApplicationScoped
public class LogFollows {

    static final long KEEPALIVE_MS = 2000;

    @Inject
    LogRelay relay;

    @Inject
    UnreachableNodes unreachable;

    @Inject
    ObjectMapper json;

    private final ScheduledExecutorService keepalives = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "log-follow-keepalive");
        thread.setDaemon(true);
        return thread;
    });

    /** @param closed registers what to run when the client's connection closes */
    public void follow(LogQuery query, SseEventSink sink, Sse sse, java.util.function.Consumer<Runnable> closed) {
        Follow follow = new Follow(sink, sse);
        closed.accept(follow::end);
        String runtime = query.runtime().wireName();
        for (long node : query.nodes()) {
            long requestId = relay.open(node, query.request(true), chunk -> follow.chunk(node, runtime, chunk));
            if (requestId == 0) {
                follow.send("error", NodeLog.failed(node, runtime, unreachable.why(node)));
            } else {
                follow.requestIds.add(requestId);
            }
        }
        follow.keepalive = keepalives.scheduleWithFixedDelay(follow::ping, KEEPALIVE_MS, KEEPALIVE_MS, TimeUnit.MILLISECONDS);
    }

    @PreDestroy
    void stop() {
        keepalives.shutdownNow();
    }

    private final class Follow {
        private final SseEventSink sink;
        private final Sse sse;
        private final List<Long> requestIds = new java.util.concurrent.CopyOnWriteArrayList<>();
        private final AtomicBoolean ended = new AtomicBoolean();
        private volatile ScheduledFuture<?> keepalive;

        Follow(SseEventSink sink, Sse sse) {
            this.sink = sink;
            this.sse = sse;
        }

        void chunk(long node, String runtime, LogChunk chunk) {
            if (!chunk.getError().isEmpty()) {
                send("error", NodeLog.failed(node, runtime, chunk.getError()));
            } else if (chunk.getLinesCount() > 0) {
                send("lines", new NodeLog(node, runtime, new ArrayList<>(chunk.getLinesList()), null));
            }
        }

        void ping() {
            try {
                if (sink.isClosed()) {
                    end();
                    return;
                }
                sink.send(sse.newEventBuilder().comment("keep-alive").build()).whenComplete((ok, error) -> {
                    if (error != null) {
                        end();
                    }
                });
            } catch (RuntimeException e) {
                // a failing ping must not cancel the schedule silently: the client is gone either way
                Log.infof("log follow keep-alive failed (%s); ending the follow", e.toString());
                end();
            }
        }

        synchronized void send(String name, NodeLog log) {
            if (ended.get() || sink.isClosed()) {
                end();
                return;
            }
            String data;
            try {
                data = json.writeValueAsString(log);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
            sink.send(sse.newEventBuilder().name(name).data(data).build())
                    .whenComplete((ok, error) -> {
                        if (error != null) {
                            end();
                        }
                    });
        }

        void end() {
            if (!ended.compareAndSet(false, true)) {
                return;
            }
            ScheduledFuture<?> scheduled = keepalive;
            if (scheduled != null) {
                scheduled.cancel(false);
            }
            requestIds.forEach(id -> relay.close(id, true));
            Log.debugf("log follow ended: the client went away (%d node stream(s) stopped)", requestIds.size());
            try {
                sink.close();
            } catch (RuntimeException ignored) {
                // already closed by the client
            }
        }
    }
}
