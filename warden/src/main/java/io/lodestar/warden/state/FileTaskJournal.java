package io.lodestar.warden.state;

import com.google.protobuf.InvalidProtocolBufferException;
import io.lodestar.protocol.v1.Task;
import io.lodestar.protocol.v1.TaskState;
import io.lodestar.protocol.v1.TaskUpdate;
import io.quarkus.logging.Log;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.zip.CRC32;

/**
 * The task journal as an append-only file, so that a Warden that restarts (or is killed) neither
 * runs a redelivered task again nor forgets an outcome the Supervisor has not acknowledged.
 *
 * <p>One line per state change, written and fsync'd before the call returns:
 * {@code A <task id> <task, base64 protobuf>} (accepted), {@code D <task id> <update>} (done) and
 * {@code K <task id> <state number>} (acknowledged), each ending with the CRC-32 of the rest. A
 * torn last line (the Warden died while writing it) fails its checksum and is ignored; any other
 * damaged line stops the Warden from starting, since it cannot tell then what it already did.
 * The state lives in an {@link InMemoryTaskJournal}, which bounds the acknowledged entries kept;
 * once the file holds many more lines than entries it is rewritten (temp file, fsync, rename).
 */
public final class FileTaskJournal implements TaskJournal, AutoCloseable {

    private static final int COMPACT_SLACK = 1_000;

    private final Path path;
    private final InMemoryTaskJournal state;
    /** The tasks of entries still RUNNING, so that the ones interrupted by a restart can be told apart. */
    private final Map<Long, Task> runningTasks = new LinkedHashMap<>();
    private final List<Task> interrupted;
    private FileChannel file;
    private long lines;

    private FileTaskJournal(Path path, InMemoryTaskJournal state) {
        this.path = path;
        this.state = state;
        load();
        this.interrupted = List.copyOf(runningTasks.values());
        compact();
    }

    /**
     * Opens the journal at {@code path}, creating it if missing, and replays it.
     *
     * @param acknowledgedKept how many acknowledged task ids are remembered (oldest forgotten first)
     * @throws JournalException when the file cannot be read, written or is damaged
     */
    public static FileTaskJournal open(Path path, int acknowledgedKept) {
        return new FileTaskJournal(path, new InMemoryTaskJournal(acknowledgedKept));
    }

    public Path path() {
        return path;
    }

    /** Tasks the journal held as RUNNING when it was opened: the Warden died while running them. */
    @Override
    public List<Task> interrupted() {
        return interrupted;
    }

    @Override
    public synchronized Optional<JournalEntry> find(long taskId) {
        return state.find(taskId);
    }

    @Override
    public synchronized boolean accept(long taskId) {
        return accept(Task.newBuilder().setTaskId(taskId).build());
    }

    @Override
    public synchronized boolean accept(Task task) {
        if (state.find(task.getTaskId()).isPresent()) {
            return false;
        }
        append('A', task.getTaskId(), encode(task.toByteArray()));
        state.accept(task.getTaskId());
        runningTasks.put(task.getTaskId(), task);
        return true;
    }

    @Override
    public synchronized void complete(TaskUpdate outcome) {
        if (!InMemoryTaskJournal.isTerminal(outcome.getState())) {
            throw new IllegalArgumentException("not a terminal update: " + outcome.getState());
        }
        Optional<JournalEntry> known = state.find(outcome.getTaskId());
        if (known.isPresent() && known.get().state().isFinished()) {
            throw new IllegalTaskTransitionException(outcome.getTaskId(), known.get().state(), LocalTaskState.DONE);
        }
        append('D', outcome.getTaskId(), encode(outcome.toByteArray()));
        state.complete(outcome);
        runningTasks.remove(outcome.getTaskId());
        maybeCompact();
    }

    @Override
    public synchronized void acknowledge(long taskId, TaskState acknowledged) {
        Optional<JournalEntry> entry = state.find(taskId);
        if (entry.isEmpty() || entry.get().state() != LocalTaskState.DONE
                || entry.get().outcome().map(TaskUpdate::getState).orElse(null) != acknowledged) {
            return;
        }
        append('K', taskId, String.valueOf(acknowledged.getNumber()));
        state.acknowledge(taskId, acknowledged);
        maybeCompact();
    }

    @Override
    public synchronized List<TaskUpdate> unacknowledged() {
        return state.unacknowledged();
    }

    @Override
    public synchronized void close() {
        if (file != null) {
            try {
                file.close();
            } catch (IOException e) {
                Log.debugf("closing %s: %s", path, e);
            }
            file = null;
        }
    }

    private void load() {
        List<String> content;
        try {
            content = Files.readAllLines(path, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return;
        } catch (IOException e) {
            throw new JournalException("cannot read the task journal " + path + ": " + e.getMessage(), e);
        }
        for (int i = 0; i < content.size(); i++) {
            boolean last = i == content.size() - 1;
            try {
                replay(content.get(i));
            } catch (IllegalArgumentException | InvalidProtocolBufferException e) {
                if (last) {
                    Log.warnf("ignoring the torn last line of the task journal %s (the Warden stopped while writing it)", path);
                    break;
                }
                throw new JournalException("the task journal " + path + " is damaged at line " + (i + 1) + ": "
                        + e.getMessage() + "; move it aside to start with an empty journal (redelivered tasks would then run again)", e);
            }
        }
    }

    private void replay(String line) throws InvalidProtocolBufferException {
        int checksumAt = line.lastIndexOf(' ');
        if (checksumAt < 0 || !checksum(line.substring(0, checksumAt)).equals(line.substring(checksumAt + 1))) {
            throw new IllegalArgumentException("checksum mismatch");
        }
        String[] parts = line.substring(0, checksumAt).split(" ");
        if (parts.length != 3 || parts[0].length() != 1) {
            throw new IllegalArgumentException("expected <kind> <task id> <payload>");
        }
        long taskId = Long.parseLong(parts[1]);
        switch (parts[0].charAt(0)) {
            case 'A' -> {
                if (state.accept(taskId)) {
                    runningTasks.put(taskId, Task.parseFrom(decode(parts[2])));
                }
            }
            case 'D' -> {
                TaskUpdate outcome = TaskUpdate.parseFrom(decode(parts[2]));
                if (state.find(taskId).map(entry -> !entry.state().isFinished()).orElse(true)) {
                    state.complete(outcome);
                }
                runningTasks.remove(taskId);
            }
            case 'K' -> state.acknowledge(taskId, TaskState.forNumber(Integer.parseInt(parts[2])));
            default -> throw new IllegalArgumentException("unknown record kind " + parts[0]);
        }
        lines++;
    }

    /** Compacts once the file holds {@value #COMPACT_SLACK} lines more than its entries need (at most 3 each). */
    private void maybeCompact() {
        if (lines > COMPACT_SLACK + 3L * state.size()) {
            compact();
        }
    }

    /** Rewrites the file with one line per live entry: temp file, fsync, atomic rename, fsync of the directory. */
    private void compact() {
        close();
        Path dir = path.toAbsolutePath().getParent();
        Path temp = path.resolveSibling(path.getFileName() + ".compact");
        List<String> records = new ArrayList<>();
        for (JournalEntry entry : state.entries()) {
            Task task = runningTasks.getOrDefault(entry.taskId(), Task.newBuilder().setTaskId(entry.taskId()).build());
            records.add(record('A', entry.taskId(), encode(task.toByteArray())));
            if (entry.outcome().isPresent()) {
                records.add(record('D', entry.taskId(), encode(entry.outcome().get().toByteArray())));
            }
            if (entry.state() == LocalTaskState.ACKNOWLEDGED) {
                records.add(record('K', entry.taskId(), String.valueOf(entry.outcome().orElseThrow().getStateValue())));
            }
        }
        try {
            Files.createDirectories(dir);
            try (FileChannel out = FileChannel.open(temp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING)) {
                writeFully(out, String.join("", records));
                out.force(true);
            }
            Files.move(temp, path, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            Directories.sync(dir);
            file = FileChannel.open(path, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new JournalException("cannot write the task journal " + path + ": " + e.getMessage(), e);
        }
        lines = records.size();
    }

    private void append(char kind, long taskId, String payload) {
        if (file == null) {
            throw new JournalException("the task journal " + path + " is closed (the Warden is stopping)", null);
        }
        try {
            writeFully(file, record(kind, taskId, payload));
            file.force(false);
        } catch (IOException e) {
            throw new JournalException("cannot write the task journal " + path + ": " + e.getMessage(), e);
        }
        lines++;
    }

    private static void writeFully(FileChannel channel, String text) throws IOException {
        ByteBuffer buffer = ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8));
        while (buffer.hasRemaining()) {
            channel.write(buffer);
        }
    }

    private static String record(char kind, long taskId, String payload) {
        String body = kind + " " + taskId + " " + (payload.isEmpty() ? "-" : payload);
        return body + " " + checksum(body) + "\n";
    }

    private static String checksum(String body) {
        CRC32 crc = new CRC32();
        crc.update(body.getBytes(StandardCharsets.UTF_8));
        return Long.toHexString(crc.getValue());
    }

    private static String encode(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes);
    }

    private static byte[] decode(String text) {
        return "-".equals(text) ? new byte[0] : Base64.getDecoder().decode(text);
    }
}
