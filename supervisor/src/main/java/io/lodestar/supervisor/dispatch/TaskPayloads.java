package io.lodestar.supervisor.dispatch;

import java.util.Base64;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import com.google.protobuf.Parser;

/** A task kind's own request message as the tasks table keeps it: protobuf bytes in base64. */
final class TaskPayloads {

    private TaskPayloads() {
    }

    static String encode(Message message) {
        return Base64.getEncoder().encodeToString(message.toByteArray());
    }

    static <M extends Message> M decode(String payload, Parser<M> parser) {
        try {
            return parser.parseFrom(Base64.getDecoder().decode(payload == null ? "" : payload));
        } catch (InvalidProtocolBufferException e) {
            throw new IllegalStateException("A task's stored payload does not parse: " + e.getMessage(), e);
        }
    }
}
