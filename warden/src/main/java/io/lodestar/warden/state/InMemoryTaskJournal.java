package io.lodestar.warden.state;

import io.lodestar.protocol.v1.TaskState;
import io.lodestar.protocol.v1.TaskUpdate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A journal kept in memory: enough to deduplicate redeliveries and re-report outcomes across
 * reconnects, not across a Warden restart; {@link FileTaskJournal} keeps its state in one and
 * adds the file. Acknowledged entries are kept, oldest dropped first, up to a bound.
 */
public final class InMemoryTaskJournal implements TaskJournal {

    private static final int DEFAULT_ACKNOWLEDGED_KEPT = 10_000;

    private final int acknowledgedKept;
    private final Map<Long, JournalEntry> entries = new LinkedHashMap<>();
    private int acknowledgedCount;

    public InMemoryTaskJournal() {
        this(DEFAULT_ACKNOWLEDGED_KEPT);
    }

    public InMemoryTaskJournal(int acknowledgedKept) {
        if (acknowledgedKept < 0) {
            throw new IllegalArgumentException("acknowledgedKept must not be negative");
        }
        this.acknowledgedKept = acknowledgedKept;
    }

    @Override
    public synchronized Optional<JournalEntry> find(long taskId) {
        return Optional.ofNullable(entries.get(taskId));
    }

    @Override
    public synchronized boolean accept(long taskId) {
        if (entries.containsKey(taskId)) {
            return false;
        }
        entries.put(taskId, new JournalEntry(taskId, LocalTaskState.RUNNING, Optional.empty()));
        return true;
    }

    @Override
    public synchronized void complete(TaskUpdate outcome) {
        if (!isTerminal(outcome.getState())) {
            throw new IllegalArgumentException("not a terminal update: " + outcome.getState());
        }
        long taskId = outcome.getTaskId();
        accept(taskId);
        move(taskId, LocalTaskState.DONE, Optional.of(outcome));
    }

    @Override
    public synchronized void acknowledge(long taskId, TaskState state) {
        JournalEntry entry = entries.get(taskId);
        if (entry == null || entry.state() != LocalTaskState.DONE
                || entry.outcome().map(TaskUpdate::getState).orElse(null) != state) {
            return;
        }
        move(taskId, LocalTaskState.ACKNOWLEDGED, entry.outcome());
        acknowledgedCount++;
        dropOldAcknowledged();
    }

    @Override
    public synchronized List<TaskUpdate> unacknowledged() {
        List<TaskUpdate> result = new ArrayList<>();
        for (JournalEntry entry : entries.values()) {
            if (entry.state() == LocalTaskState.DONE) {
                result.add(entry.outcome().orElseThrow());
            }
        }
        return result;
    }

    /** How many entries are kept. */
    synchronized int size() {
        return entries.size();
    }

    /** Every entry kept, oldest first. */
    synchronized List<JournalEntry> entries() {
        return List.copyOf(entries.values());
    }

    /** The one place an entry changes state. */
    private void move(long taskId, LocalTaskState next, Optional<TaskUpdate> outcome) {
        JournalEntry entry = entries.get(taskId);
        if (!entry.state().canTransitionTo(next)) {
            throw new IllegalTaskTransitionException(taskId, entry.state(), next);
        }
        entries.put(taskId, new JournalEntry(taskId, next, outcome));
    }

    private void dropOldAcknowledged() {
        Iterator<JournalEntry> it = entries.values().iterator();
        while (acknowledgedCount > acknowledgedKept && it.hasNext()) {
            if (it.next().state() == LocalTaskState.ACKNOWLEDGED) {
                it.remove();
                acknowledgedCount--;
            }
        }
    }

    static boolean isTerminal(TaskState state) {
        return state == TaskState.TASK_STATE_SUCCEEDED || state == TaskState.TASK_STATE_FAILED;
    }
}
