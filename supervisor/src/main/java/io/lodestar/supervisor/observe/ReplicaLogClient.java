package io.lodestar.supervisor.observe;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.Flow;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.lodestar.protocol.RuntimeName;
import io.lodestar.protocol.v1.LogChunk;
import io.lodestar.protocol.v1.LogRequest;
import io.lodestar.supervisor.SupervisorConfig;
import io.lodestar.supervisor.agent.Agent;
import io.lodestar.supervisor.common.WorkerIdLease;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Asks the replica that holds a node's stream for its log, through that replica's internal log route
 * ({@link ReplicaLogRoute}), and hands its answers on as if the node's Warden had sent them here. Whatever goes
 * wrong on the way (the holder cannot be reached, refuses, dies or goes silent mid-follow) ends the request with
 * one error chunk that names the holder, never with silence.
 */
@ApplicationScoped
public class ReplicaLogClient {

    /** A follow's holder sends a blank line every {@link ReplicaLogRoute#KEEPALIVE_MS}; five missed ones end it. */
    static final long SILENCE_MS = 5 * ReplicaLogRoute.KEEPALIVE_MS;

    private static final String HOLDER = "select r.advertised_url, r.worker_id, r.host from agents a join supervisor_replicas r"
            + " on r.holder = a.held_by and r.lease_until > current_timestamp where a.id = ?1 and a.state = 'ONLINE'"
            + " and r.holder <> ?2 and r.advertised_url is not null";

    /** The live replica, other than this one, that holds a node's stream. */
    record Holder(String url, int workerId, String host) {

        String describe() {
            return "Supervisor replica (id worker " + workerId + " on host " + host + ", " + url + ")";
        }
    }

    @Inject
    WorkerIdLease lease;

    @Inject
    ReplicaRelaySecret secret;

    @Inject
    SupervisorConfig config;

    @Inject
    ObjectMapper json;

    private HttpClient http;

    private final ScheduledExecutorService watchdog = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "log-relay-watchdog");
        thread.setDaemon(true);
        return thread;
    });

    @PostConstruct
    void start() {
        // HTTP/1.1: no upgrade dance with the holder's server, and dropping a connection is how a follow is cancelled.
        http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(config.observe().logTimeout()).build();
    }

    @PreDestroy
    void stop() {
        watchdog.shutdownNow();
    }

    /** The replica holding the node's stream, if it is another live one that can relay. */
    Optional<Holder> holderOf(long nodeId) {
        List<?> rows = QuarkusTransaction.requiringNew().call(() -> Agent.getEntityManager().createNativeQuery(HOLDER)
                .setParameter(1, nodeId).setParameter(2, lease.holder()).getResultList());
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        Object[] row = (Object[]) rows.get(0);
        return Optional.of(new Holder((String) row[0], ((Number) row[1]).intValue(), (String) row[2]));
    }

    /**
     * Sends the request (its request id already set) to the holder; chunks go to {@code consumer} until the last one,
     * an error, or {@link Relayed#cancel}.
     */
    Relayed open(Holder holder, long nodeId, LogRequest request, Consumer<LogChunk> consumer) {
        Relayed relayed = new Relayed(holder, nodeId, request, consumer);
        String runtime = RuntimeName.fromProto(request.getRuntime()).map(RuntimeName::wireName).orElse("");
        URI uri = URI.create(holder.url() + ReplicaLogRoute.PATH + "?node_id=" + nodeId + "&runtime="
                + URLEncoder.encode(runtime, StandardCharsets.UTF_8) + "&lines=" + request.getLines() + "&since_ms="
                + request.getSinceMs() + "&follow=" + request.getFollow());
        HttpRequest get = HttpRequest.newBuilder(uri).header(ReplicaLogRoute.SECRET_HEADER, secret.value())
                .header("Accept", ReplicaLogRoute.MEDIA_TYPE).GET().build();
        relayed.watch();
        http.sendAsync(get, info -> info.statusCode() == 200
                ? HttpResponse.BodySubscribers.fromLineSubscriber(relayed, ignored -> "", StandardCharsets.UTF_8, null)
                : HttpResponse.BodySubscribers.ofString(StandardCharsets.UTF_8))
                .whenComplete((response, error) -> {
                    if (error != null) {
                        relayed.fail("it could not be reached: " + reason(error));
                    } else if (response.statusCode() != 200) {
                        relayed.fail("it refused the relay with " + response.statusCode() + ": " + detail(response.body()));
                    }
                });
        return relayed;
    }

    private String detail(String problem) {
        try {
            JsonNode detail = json.readTree(problem).get("detail");
            if (detail != null && detail.isTextual()) {
                return detail.asText();
            }
        } catch (IOException | RuntimeException notJson) {
            // an answer from something other than a Supervisor: say what it was
        }
        return problem.length() > 200 ? problem.substring(0, 200) + "…" : problem;
    }

    private static String reason(Throwable error) {
        Throwable cause = error instanceof java.util.concurrent.CompletionException && error.getCause() != null ? error.getCause() : error;
        String message = cause.getMessage();
        if (message != null && !message.isBlank()) {
            return message;
        }
        // the JDK's client says nothing more for a refused connection
        return cause instanceof java.net.ConnectException ? "connection refused" : cause.getClass().getSimpleName();
    }

    /** One relayed request: the lines of the holder's answer, read as they come. */
    final class Relayed implements Flow.Subscriber<String> {

        private final Holder holder;
        private final long nodeId;
        private final LogRequest request;
        private final Consumer<LogChunk> consumer;
        private final AtomicBoolean ended = new AtomicBoolean();
        private volatile Flow.Subscription subscription;
        private volatile long lastHeard = System.nanoTime();
        private volatile ScheduledFuture<?> silenceCheck;

        private Relayed(Holder holder, long nodeId, LogRequest request, Consumer<LogChunk> consumer) {
            this.holder = holder;
            this.nodeId = nodeId;
            this.request = request;
            this.consumer = consumer;
        }

        /** A follow that hears nothing, not even keep-alives, for {@link #SILENCE_MS} ends; a read has its caller's deadline. */
        private void watch() {
            if (request.getFollow()) {
                silenceCheck = watchdog.scheduleWithFixedDelay(() -> {
                    if (System.nanoTime() - lastHeard > TimeUnit.MILLISECONDS.toNanos(SILENCE_MS)) {
                        fail("it sent nothing for " + SILENCE_MS / 1000 + " s");
                    }
                }, ReplicaLogRoute.KEEPALIVE_MS, ReplicaLogRoute.KEEPALIVE_MS, TimeUnit.MILLISECONDS);
            }
        }

        @Override
        public void onSubscribe(Flow.Subscription subscription) {
            this.subscription = subscription;
            if (ended.get()) {
                subscription.cancel();
            } else {
                subscription.request(Long.MAX_VALUE);
            }
        }

        @Override
        public void onNext(String line) {
            lastHeard = System.nanoTime();
            if (line.isBlank() || ended.get()) {
                return;
            }
            RelayedChunk chunk;
            try {
                chunk = json.readValue(line, RelayedChunk.class);
            } catch (IOException e) {
                fail("it answered with something other than log chunks");
                return;
            }
            if (chunk.last()) {
                if (ended.compareAndSet(false, true)) {
                    end();
                    consumer.accept(chunk.toChunk(request.getRequestId(), request.getRuntime()).toBuilder().setDone(true).build());
                }
                return;
            }
            consumer.accept(chunk.toChunk(request.getRequestId(), request.getRuntime()));
        }

        @Override
        public void onError(Throwable error) {
            // the client's own words ("chunked transfer encoding, state: READING_LENGTH") tell an operator nothing
            Log.infof("The relay of node %d's log through %s broke: %s", nodeId, holder.describe(), reason(error));
            fail("the connection to it broke in the middle of the answer (it may have stopped)");
        }

        @Override
        public void onComplete() {
            fail("it ended the answer before the node's last lines (it may have stopped)");
        }

        /** Stops reading; the holder sees the connection close and stops the node's follow. Nothing more is delivered. */
        void cancel() {
            if (ended.compareAndSet(false, true)) {
                end();
            }
        }

        /** Ends the request with one error chunk, unless it already ended. */
        void fail(String why) {
            if (ended.compareAndSet(false, true)) {
                end();
                consumer.accept(LogChunk.newBuilder().setRequestId(request.getRequestId()).setRuntime(request.getRuntime())
                        .setError("The Warden on node " + nodeId + " is connected to another " + holder.describe()
                                + ", and relaying its log through that replica failed: " + why + (why.endsWith(".") ? "" : "."))
                        .setDone(true).build());
            }
        }

        private void end() {
            ScheduledFuture<?> check = silenceCheck;
            if (check != null) {
                check.cancel(false);
            }
            Flow.Subscription current = subscription;
            if (current != null) {
                current.cancel();
            }
        }
    }
}
