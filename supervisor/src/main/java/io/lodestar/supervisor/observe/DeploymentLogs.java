package io.lodestar.supervisor.observe;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.lodestar.protocol.v1.LogChunk;
import io.lodestar.supervisor.SupervisorConfig;

/**
 * Reads recent log lines from the Wardens of a deployment's nodes at once. A node that is not linked
 * here, or does not answer within {@code supervisor.observe.log-timeout}, is listed with an error; the
 * others still give their lines.
 */
@ApplicationScoped
public class DeploymentLogs {

    @Inject
    LogRelay relay;

    @Inject
    SupervisorConfig config;

    @Inject
    UnreachableNodes unreachable;

    public List<NodeLog> read(LogQuery query) {
        String runtime = query.runtime().wireName();
        Map<Long, CompletableFuture<LogChunk>> answers = new LinkedHashMap<>();
        Map<Long, Long> requestIds = new LinkedHashMap<>();
        for (long node : query.nodes()) {
            CompletableFuture<LogChunk> answer = new CompletableFuture<>();
            long requestId = relay.open(node, query.request(false), answer::complete);
            if (requestId != 0) {
                answers.put(node, answer);
                requestIds.put(node, requestId);
            }
        }
        long deadline = System.nanoTime() + config.observe().logTimeout().toNanos();
        List<NodeLog> result = new ArrayList<>();
        try {
            for (long node : query.nodes()) {
                CompletableFuture<LogChunk> answer = answers.get(node);
                if (answer == null) {
                    result.add(NodeLog.failed(node, runtime, unreachable.why(node)));
                    continue;
                }
                result.add(await(node, runtime, answer, deadline));
            }
        } finally {
            requestIds.values().forEach(id -> relay.close(id, false));
        }
        return result;
    }

    private NodeLog await(long node, String runtime, CompletableFuture<LogChunk> answer, long deadline) {
        try {
            LogChunk chunk = answer.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            if (!chunk.getError().isEmpty()) {
                return NodeLog.failed(node, runtime, chunk.getError());
            }
            return new NodeLog(node, runtime, chunk.getLinesList(), null);
        } catch (TimeoutException e) {
            return NodeLog.failed(node, runtime, "The Warden on node " + node + " did not answer within "
                    + config.observe().logTimeout().toMillis() + " ms.");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return NodeLog.failed(node, runtime, "The read was interrupted.");
        } catch (ExecutionException e) {
            return NodeLog.failed(node, runtime, "The read failed: " + e.getCause().getMessage());
        }
    }
}
