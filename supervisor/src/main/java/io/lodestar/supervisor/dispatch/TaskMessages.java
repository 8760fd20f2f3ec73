package io.lodestar.supervisor.dispatch;

import java.util.Base64;

import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Descriptors.OneofDescriptor;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;

import io.lodestar.protocol.v1.Task.KindCase;

/**
 * A task's kind is the link message it carries, one of the {@code kind} oneof of the link's {@code Task}. The
 * tasks table keeps the oneof field's name ({@code runtime_action}, {@code snapshot}, …) and the message,
 * protobuf-encoded and base64, so a new kind needs no code here: only its message in {@code link.proto}.
 */
final class TaskMessages {

    private static final OneofDescriptor KINDS = io.lodestar.protocol.v1.Task.getDescriptor().getOneofs().stream()
            .filter(oneof -> oneof.getName().equals("kind")).findFirst().orElseThrow();

    private TaskMessages() {
    }

    /** The oneof field that carries this request: what makes it a task kind. */
    static FieldDescriptor fieldOf(Message request) {
        return KINDS.getFields().stream().filter(field -> field.getMessageType().equals(request.getDescriptorForType()))
                .findFirst().orElseThrow(() -> new IllegalArgumentException(request.getDescriptorForType().getFullName()
                        + " is not a task kind; add it to the kind oneof of Task in link.proto."));
    }

    static KindCase kindOf(Task task) {
        return KindCase.forNumber(field(task).getNumber());
    }

    static String encode(Message request) {
        return Base64.getEncoder().encodeToString(request.toByteArray());
    }

    /** The task as it goes to the Warden. */
    static io.lodestar.protocol.v1.Task toProto(Task task) {
        FieldDescriptor field = field(task);
        io.lodestar.protocol.v1.Task.Builder message = io.lodestar.protocol.v1.Task.newBuilder()
                .setTaskId(task.id)
                .setDeadlineMs(task.deadlineAt.toEpochMilli())
                .setExecutionTimeoutMs(task.executionTimeoutMs == null ? 0 : task.executionTimeoutMs);
        try {
            Message request = message.newBuilderForField(field).mergeFrom(Base64.getDecoder().decode(task.request)).build();
            return message.setField(field, request).build();
        } catch (InvalidProtocolBufferException e) {
            throw new IllegalStateException("The stored request of task " + task.id + " does not parse: " + e.getMessage(), e);
        }
    }

    private static FieldDescriptor field(Task task) {
        FieldDescriptor field = io.lodestar.protocol.v1.Task.getDescriptor().findFieldByName(task.kind);
        if (field == null || field.getContainingOneof() != KINDS) {
            throw new IllegalStateException("Task " + task.id + " has the unknown kind '" + task.kind + "'.");
        }
        return field;
    }
}
