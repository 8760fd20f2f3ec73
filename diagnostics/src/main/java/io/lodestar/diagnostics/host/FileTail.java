package io.lodestar.diagnostics.host;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/** Reads the end of a file without loading the rest of it: logs can be gigabytes. */
public final class FileTail {

    private FileTail() {
    }

    public static List<String> lastLines(Path file, int maxBytes) {
        try (SeekableByteChannel channel = Files.newByteChannel(file)) {
            long size = channel.size();
            long start = Math.max(0, size - maxBytes);
            ByteBuffer buffer = ByteBuffer.allocate((int) (size - start));
            channel.position(start);
            while (buffer.hasRemaining() && channel.read(buffer) > 0) {
                // keep reading until the window is full or the file ends
            }
            String text = new String(buffer.array(), 0, buffer.position(), StandardCharsets.UTF_8);
            List<String> lines = Arrays.asList(text.split("\n", -1));
            int from = start > 0 && lines.size() > 1 ? 1 : 0; // the first line is probably cut mid-way
            int to = lines.size() > from && lines.get(lines.size() - 1).isEmpty() ? lines.size() - 1 : lines.size();
            return List.copyOf(lines.subList(from, Math.max(from, to)));
        } catch (IOException e) {
            throw new UncheckedIOException("reading the end of " + file, e);
        }
    }
}
