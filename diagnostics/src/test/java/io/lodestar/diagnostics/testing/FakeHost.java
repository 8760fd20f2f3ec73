package io.lodestar.diagnostics.testing;

import io.lodestar.diagnostics.host.HostReader;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/** A host made of in-memory files; a path may hold a sequence of contents returned one read at a time. */
public final class FakeHost implements HostReader {

    private final Map<String, Deque<String>> files = new HashMap<>();
    private final Map<String, String> links = new HashMap<>();

    public FakeHost file(String path, String... contents) {
        files.put(path, new ArrayDeque<>(Arrays.asList(contents)));
        return this;
    }

    public FakeHost link(String path, String target) {
        links.put(path, target);
        return this;
    }

    @Override
    public Optional<String> read(String path) {
        Deque<String> contents = files.get(path);
        if (contents == null) {
            return Optional.empty();
        }
        return Optional.of(contents.size() > 1 ? contents.poll() : contents.peek());
    }

    @Override
    public boolean exists(String path) {
        String dir = path.endsWith("/") ? path : path + "/";
        return files.containsKey(path) || links.containsKey(path)
                || files.keySet().stream().anyMatch(p -> p.startsWith(dir))
                || links.keySet().stream().anyMatch(p -> p.startsWith(dir));
    }

    @Override
    public List<String> list(String path) {
        String dir = path + "/";
        TreeSet<String> names = new TreeSet<>();
        for (String p : concat()) {
            if (p.startsWith(dir)) {
                names.add(p.substring(dir.length()).split("/")[0]);
            }
        }
        return List.copyOf(names);
    }

    @Override
    public Optional<String> readLink(String path) {
        return Optional.ofNullable(links.get(path));
    }

    @Override
    public Optional<List<String>> tail(String path, int maxBytes) {
        return read(path).map(text -> text.lines().toList());
    }

    private List<String> concat() {
        List<String> all = new java.util.ArrayList<>(files.keySet());
        all.addAll(links.keySet());
        return all;
    }
}
