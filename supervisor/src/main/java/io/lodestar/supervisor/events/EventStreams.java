package io.lodestar.supervisor.events;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.logging.Log;

/**
 * The open event streams of this replica. A stream holds no queue of its own: it reads the next events of
 * its selection from the database (at most {@code client-buffer} of them) only once the previous ones were
 * written to the client, so memory per client is bounded whatever it subscribes to. A client that has not
 * taken its events within {@code slow-client-timeout} is cut off; it resumes with {@code Last-Event-ID}.
 */
@ApplicationScoped
public class EventStreams {

    @Inject
    EventReader reader;

    @Inject
    EventsConfig config;

    @Inject
    ObjectMapper json;

    private final Set<Stream> open = ConcurrentHashMap.newKeySet();
    private ScheduledExecutorService ticker;
    private ExecutorService readers;

    @PostConstruct
    void start() {
        ticker = Executors.newSingleThreadScheduledExecutor(daemon("event-streams-tick"));
        readers = Executors.newFixedThreadPool(2, daemon("event-streams-read"));
        long every = config.pollInterval().toMillis();
        ticker.scheduleWithFixedDelay(this::tick, every, every, TimeUnit.MILLISECONDS);
    }

    @PreDestroy
    void stop() {
        ticker.shutdownNow();
        readers.shutdownNow();
        open.forEach(Stream::end);
    }

    /**
     * Starts a stream after {@code lastEventId} (null: from now on). Past the retention window it first
     * sends {@code events_lost} and goes on from the oldest event kept.
     */
    public void open(EventReader.Selection selection, Long lastEventId, SseEventSink sink, Sse sse, Runnable onEnd,
            java.util.function.Consumer<Runnable> closed) {
        EventReader.Bounds bounds = reader.bounds();
        Stream stream = new Stream(selection, sink, sse, onEnd);
        closed.accept(stream::end);
        if (lastEventId == null) {
            stream.position = bounds.lastSeq();
            stream.comment("stream open after event " + bounds.lastSeq());
        } else if (lastEventId < bounds.prunedThrough()) {
            stream.position = bounds.prunedThrough();
            Map<String, Object> lost = new java.util.LinkedHashMap<>();
            lost.put("last_event_id", lastEventId);
            lost.put("resumes_after", bounds.prunedThrough());
            lost.put("retention", config.retention().toString());
            lost.put("message", "Events after " + lastEventId + " up to " + bounds.prunedThrough()
                    + " were deleted (older than the retention window); the stream goes on after " + bounds.prunedThrough() + ".");
            stream.send("events_lost", bounds.prunedThrough(), write(lost));
        } else {
            stream.position = lastEventId;
            stream.comment("stream open after event " + lastEventId);
        }
        open.add(stream);
        readers.submit(() -> stream.pump(bounds.lastSeq()));
    }

    private void tick() {
        try {
            long head = reader.bounds().lastSeq();
            long now = System.currentTimeMillis();
            for (Stream stream : open) {
                stream.tick(head, now);
            }
        } catch (RuntimeException e) {
            Log.warnf("Event streams could not look for new events this time: %s", e.getMessage());
        }
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        return runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        };
    }

    private final class Stream {
        private final EventReader.Selection selection;
        private final SseEventSink sink;
        private final Sse sse;
        private final Runnable onEnd;
        private final AtomicBoolean ended = new AtomicBoolean();
        private final AtomicBoolean reading = new AtomicBoolean();
        private final AtomicInteger unwritten = new AtomicInteger();
        /** The last position this stream has dealt with (sent, or found not to match the selection). */
        private volatile long position;
        /** Since when the oldest of the events not yet written has waited. */
        private volatile long waitingSince;
        private volatile long lastSent = System.currentTimeMillis();
        private volatile long knownHead;

        Stream(EventReader.Selection selection, SseEventSink sink, Sse sse, Runnable onEnd) {
            this.selection = selection;
            this.sink = sink;
            this.sse = sse;
            this.onEnd = onEnd;
        }

        void tick(long head, long now) {
            if (ended.get() || sink.isClosed()) {
                end();
                return;
            }
            if (unwritten.get() > 0) {
                if (now - waitingSince > config.slowClientTimeout().toMillis()) {
                    Log.infof("Event stream of tenant %d cut off: the client took none of %d events within %s", selection.tenantId(),
                            unwritten.get(), config.slowClientTimeout());
                    end();
                }
                return;
            }
            if (head > position) {
                readers.submit(() -> pump(head));
            } else if (now - lastSent >= config.keepAlive().toMillis()) {
                comment("keep-alive");
            }
        }

        /** Sends the next events up to {@code head}, unless a read is running or the last ones are not written yet. */
        void pump(long head) {
            knownHead = Math.max(knownHead, head);
            if (ended.get() || unwritten.get() > 0 || !reading.compareAndSet(false, true)) {
                return;
            }
            try {
                List<SequencedEvent> events = reader.after(selection, position, head, config.clientBuffer());
                if (events.isEmpty()) {
                    position = Math.max(position, head); // every position up to head is committed: none of them is ours
                    return;
                }
                for (SequencedEvent event : events) {
                    send(event.type(), event.seq(), EventEnvelope.json(json, event));
                }
                position = events.size() < config.clientBuffer() ? Math.max(head, events.get(events.size() - 1).seq())
                        : events.get(events.size() - 1).seq();
            } catch (RuntimeException e) {
                Log.warnf("Event stream of tenant %d ended: %s", selection.tenantId(), e.getMessage());
                end();
            } finally {
                reading.set(false);
            }
        }

        void send(String name, long id, String data) {
            if (ended.get()) {
                return;
            }
            lastSent = System.currentTimeMillis();
            if (unwritten.get() == 0) {
                // the wait starts with the first event not yet written, whichever path sent it (events_lost too):
                // measured from an unset time, a stream was cut off at its first tick. Set before the count
                // grows, so the tick never pairs a waiting event with the start of an earlier wait.
                waitingSince = lastSent;
            }
            unwritten.incrementAndGet();
            sink.send(sse.newEventBuilder().name(name).id(Long.toString(id)).data(data).build()).whenComplete((ok, error) -> {
                boolean drained = unwritten.decrementAndGet() == 0;
                if (error != null) {
                    end();
                } else if (drained && position < knownHead) {
                    readers.submit(() -> pump(knownHead)); // the client keeps up: go on without waiting for the next tick
                }
            });
        }

        void comment(String text) {
            if (ended.get() || sink.isClosed()) {
                end();
                return;
            }
            lastSent = System.currentTimeMillis();
            sink.send(sse.newEventBuilder().comment(text).build()).whenComplete((ok, error) -> {
                if (error != null) {
                    end();
                }
            });
        }

        void end() {
            if (!ended.compareAndSet(false, true)) {
                return;
            }
            open.remove(this);
            onEnd.run();
            try {
                sink.close();
            } catch (RuntimeException ignored) {
                // already closed by the client
            }
        }
    }
}
