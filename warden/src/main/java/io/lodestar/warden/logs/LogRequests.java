package io.lodestar.warden.logs;

import io.lodestar.protocol.RuntimeName;
import io.lodestar.protocol.v1.LogChunk;
import io.lodestar.protocol.v1.LogRequest;
import io.quarkus.logging.Log;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Answers the Supervisor's log requests: reads are ephemeral (nothing journalled), answered on the
 * stream they came in on ({@link LogReplies}). A follow sends what the log gains every {@link #FOLLOW_POLL} until the
 * Supervisor cancels it, the stream ends, or {@link #MAX_FOLLOW} passes.
 */
public final class LogRequests {

    static final Duration FOLLOW_POLL = Duration.ofMillis(500);
    static final Duration MAX_FOLLOW = Duration.ofHours(1);

    private final Map<RuntimeName, Path> logFiles;
    private final ScheduledExecutorService executor;
    private final Map<Long, ScheduledFuture<?>> follows = new ConcurrentHashMap<>();

    /** @param logFiles the log file of each runtime enabled on this node */
    public LogRequests(Map<RuntimeName, Path> logFiles, ScheduledExecutorService executor) {
        this.logFiles = Map.copyOf(logFiles);
        this.executor = executor;
    }

    /** Called on the link thread; the reading happens on the executor. */
    public void receive(LogRequest request, LogReplies stream) {
        if (request.getCancel()) {
            stopFollowing(request.getRequestId());
            return;
        }
        executor.execute(() -> answer(request, stream));
    }

    /** How many follows run; for tests and shutdown. */
    public int following() {
        return follows.size();
    }

    private void answer(LogRequest request, LogReplies stream) {
        Optional<Path> log = RuntimeName.fromProto(request.getRuntime()).map(logFiles::get);
        if (log.isEmpty()) {
            send(stream, chunk(request).setError("runtime " + request.getRuntime() + " is not managed on this node").setDone(true));
            return;
        }
        LogFile.Read read;
        try {
            read = LogFile.tail(log.get(), Math.max(1, Math.min(request.getLines(), 5000)), request.getSinceMs());
        } catch (NoSuchFileException e) {
            read = new LogFile.Read(List.of(), 0);
        } catch (IOException e) {
            send(stream, chunk(request).setError("cannot read " + log.get() + ": " + e.getMessage()).setDone(true));
            return;
        }
        boolean sent = send(stream, chunk(request).addAllLines(read.lines()).setDone(!request.getFollow()));
        if (sent && request.getFollow()) {
            follow(request, stream, log.get(), read.nextOffset());
        }
    }

    private void follow(LogRequest request, LogReplies stream, Path log, long fromOffset) {
        long id = request.getRequestId();
        long until = System.currentTimeMillis() + MAX_FOLLOW.toMillis();
        long[] offset = {fromOffset};
        ScheduledFuture<?> task = executor.scheduleWithFixedDelay(() -> {
            try {
                if (stream.isDone() || System.currentTimeMillis() > until) {
                    stopFollowing(id);
                    return;
                }
                LogFile.Read read = LogFile.since(log, offset[0]);
                offset[0] = read.nextOffset();
                if (!read.lines().isEmpty() && !send(stream, chunk(request).addAllLines(read.lines()))) {
                    stopFollowing(id);
                }
            } catch (IOException | RuntimeException e) {
                Log.warnf("following %s for log request %d failed: %s", log, id, e.getMessage());
                send(stream, chunk(request).setError("cannot read " + log + ": " + e.getMessage()).setDone(true));
                stopFollowing(id);
            }
        }, FOLLOW_POLL.toMillis(), FOLLOW_POLL.toMillis(), TimeUnit.MILLISECONDS);
        follows.put(id, task);
    }

    private void stopFollowing(long requestId) {
        ScheduledFuture<?> task = follows.remove(requestId);
        if (task != null) {
            task.cancel(false);
            Log.debugf("stopped following log request %d", requestId);
        }
    }

    private static LogChunk.Builder chunk(LogRequest request) {
        return LogChunk.newBuilder().setRequestId(request.getRequestId()).setRuntime(request.getRuntime());
    }

    private static boolean send(LogReplies stream, LogChunk.Builder chunk) {
        return stream.send(chunk.build());
    }
}
