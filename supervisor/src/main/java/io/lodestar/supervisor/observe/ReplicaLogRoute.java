package io.lodestar.supervisor.observe;

import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.lodestar.protocol.RuntimeName;
import io.lodestar.protocol.v1.LogChunk;
import io.lodestar.protocol.v1.LogRequest;
import io.lodestar.supervisor.SupervisorConfig;
import io.lodestar.supervisor.common.DomainException;
import io.lodestar.supervisor.common.PathIds;
import io.lodestar.supervisor.common.Problem;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * The internal route through which another Supervisor replica reads or follows the log of a node whose stream this
 * one holds: {@code GET /internal/replicas/logs?node_id=…&runtime=…&lines=…&since_ms=…&follow=…} with the replicas'
 * shared secret ({@link ReplicaRelaySecret}) in the {@value #SECRET_HEADER} header. It answers newline-delimited
 * JSON, one {@link RelayedChunk} per Warden chunk, and a blank line every {@value #KEEPALIVE_MS} ms of a follow so
 * the asking replica can tell a silent node from a dead holder. When the asker goes away the follow stops on the
 * node. A plain route, outside the API's key filter and its OpenAPI document: no API key is any use here.
 */
@ApplicationScoped
public class ReplicaLogRoute {

    static final String PATH = "/internal/replicas/logs";
    static final String SECRET_HEADER = "ld-replica-secret";
    static final String MEDIA_TYPE = "application/x-ndjson";
    static final long KEEPALIVE_MS = 2000;

    @Inject
    LogRelay relay;

    @Inject
    ReplicaRelaySecret secret;

    @Inject
    SupervisorConfig config;

    @Inject
    ObjectMapper json;

    @Inject
    Vertx vertx;

    void register(@Observes Router router) {
        router.get(PATH).handler(this::relay);
    }

    private void relay(RoutingContext context) {
        HttpServerResponse response = context.response();
        String presented = context.request().getHeader(SECRET_HEADER);
        if (presented == null || presented.isBlank()) {
            response.putHeader("WWW-Authenticate", SECRET_HEADER);
            Problem.of(401, "This route is for Supervisor replicas relaying log reads to each other: send the replicas'"
                    + " shared secret in the " + SECRET_HEADER + " header.", PATH).send(response);
            return;
        }
        if (!secret.matches(presented)) {
            Problem.of(403, "The " + SECRET_HEADER + " header does not hold this database's replica secret: the asker"
                    + " is not a Supervisor replica of this database.", PATH).send(response);
            return;
        }
        long nodeId;
        LogRequest.Builder request;
        try {
            nodeId = PathIds.parse(context.request().getParam("node_id", ""), "node_id");
            request = request(context);
        } catch (DomainException.Invalid e) {
            Problem.of(400, e.getMessage(), PATH).send(response);
            return;
        }
        Answer answer = new Answer(response, request.getFollow());
        response.setStatusCode(200).setChunked(true).putHeader("Content-Type", MEDIA_TYPE);
        long requestId = relay.openHere(nodeId, request, answer::chunk);
        if (requestId == 0) {
            Problem.of(409, "Node " + nodeId + "'s Warden is not connected to this Supervisor replica (it may have just moved"
                    + " to another); ask again.", PATH).send(response);
            return;
        }
        answer.started(requestId);
    }

    private static LogRequest.Builder request(RoutingContext context) {
        String runtime = context.request().getParam("runtime", "");
        RuntimeName name = RuntimeName.fromWireName(runtime).orElseThrow(() -> new DomainException.Invalid(
                "Unknown runtime '" + runtime + "'; use one of: " + RuntimeName.wireNames() + "."));
        int lines = (int) number(context, "lines", 1, LogQuery.MAX_LINES);
        long sinceMs = number(context, "since_ms", 0, Long.MAX_VALUE);
        String follow = context.request().getParam("follow", "false");
        if (!follow.equals("true") && !follow.equals("false")) {
            throw new DomainException.Invalid("follow must be true or false; got '" + follow + "'.");
        }
        return LogRequest.newBuilder().setRuntime(name.proto()).setLines(lines).setSinceMs(sinceMs).setFollow(follow.equals("true"));
    }

    private static long number(RoutingContext context, String name, long min, long max) {
        String raw = context.request().getParam(name, String.valueOf(min));
        try {
            long value = Long.parseLong(raw);
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException e) {
            // said below
        }
        throw new DomainException.Invalid(name + " must be a whole number between " + min + " and " + max + "; got '" + raw + "'.");
    }

    /** The answer to one relayed request, written as the node's chunks come. */
    private final class Answer {

        private final HttpServerResponse response;
        private final boolean follow;
        private final AtomicBoolean ended = new AtomicBoolean();
        private volatile long requestId;
        private long timer = -1;

        Answer(HttpServerResponse response, boolean follow) {
            this.response = response;
            this.follow = follow;
        }

        /**
         * The request reached the node: a follow keeps the connection seen alive and ends with it; a read waits
         * {@code supervisor.observe.log-timeout} for its one chunk.
         */
        synchronized void started(long requestId) {
            this.requestId = requestId;
            if (ended.get()) {
                relay.close(requestId, false);
                return;
            }
            response.closeHandler(closed -> end(null));
            response.write("\n"); // the headers go out now: the asker knows it reached the node
            if (follow) {
                timer = vertx.setPeriodic(KEEPALIVE_MS, tick -> write("\n"));
            } else {
                long timeout = config.observe().logTimeout().toMillis();
                timer = vertx.setTimer(timeout, fired -> end(new RelayedChunk(null, "The Warden did not answer within "
                        + timeout + " ms.", true)));
            }
        }

        void chunk(LogChunk chunk) {
            RelayedChunk relayed = RelayedChunk.of(chunk);
            if (relayed.last()) {
                end(relayed);
            } else {
                write(line(relayed));
            }
        }

        private synchronized void write(String text) {
            if (!ended.get() && !response.closed() && !response.ended()) {
                response.write(text);
            }
        }

        /** Writes the last chunk, if any, and ends: the node stops following unless it said it was done. */
        private synchronized void end(RelayedChunk last) {
            if (!ended.compareAndSet(false, true)) {
                return;
            }
            if (timer >= 0) {
                vertx.cancelTimer(timer);
            }
            if (requestId != 0) {
                relay.close(requestId, follow && last == null);
            }
            if (!response.closed() && !response.ended()) {
                if (last != null) {
                    response.end(line(last));
                } else {
                    response.end();
                }
            }
        }

        private String line(RelayedChunk chunk) {
            try {
                return json.writeValueAsString(chunk) + "\n";
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
