package io.lodestar.supervisor.console;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.zip.GZIPOutputStream;

/**
 * The console's files, read once from the classpath ({@code console/}, listed in {@code console/assets.list}).
 * Their combined SHA-256 names the version in the asset URLs, so a browser may cache them for a year and
 * still never runs a stale file after an upgrade: only {@code index.html}, never cached, names the version.
 */
final class ConsoleAssets {

    /** One file, as sent: its media type and its bytes, plain and gzipped. */
    record Asset(String mediaType, byte[] plain, byte[] gzipped) {
    }

    private static final Map<String, String> MEDIA_TYPES = Map.of(
            "js", "text/javascript; charset=utf-8",
            "css", "text/css; charset=utf-8",
            "html", "text/html; charset=utf-8",
            "svg", "image/svg+xml");

    private final Map<String, Asset> assets = new LinkedHashMap<>();
    private final String version;
    private final Asset index;

    ConsoleAssets() {
        MessageDigest digest = sha256();
        for (String name : read("assets.list").lines().map(String::strip).filter(line -> !line.isEmpty() && !line.startsWith("#")).toList()) {
            byte[] bytes = bytes(name);
            digest.update(name.getBytes(StandardCharsets.UTF_8));
            digest.update(bytes);
            assets.put(name, asset(name, bytes));
        }
        version = HexFormat.of().formatHex(digest.digest()).substring(0, 12);
        String base = ConsoleRoutes.ASSETS_PATH + version + "/";
        // every module asked for at once: without these, the browser finds each level of imports only after
        // fetching the one above it, one round trip per level
        String preloads = assets.keySet().stream().filter(name -> name.endsWith(".js"))
                .map(name -> "<link rel=\"modulepreload\" href=\"" + base + name + "\">")
                .collect(java.util.stream.Collectors.joining("\n"));
        String page = read("index.html").replace("{{PRELOADS}}", preloads).replace("{{ASSETS}}", base);
        index = asset("index.html", page.getBytes(StandardCharsets.UTF_8));
    }

    String version() {
        return version;
    }

    Asset index() {
        return index;
    }

    Optional<Asset> find(String version, String name) {
        return this.version.equals(version) ? Optional.ofNullable(assets.get(name)) : Optional.empty();
    }

    List<String> names() {
        return List.copyOf(assets.keySet());
    }

    private static Asset asset(String name, byte[] bytes) {
        String extension = name.substring(name.lastIndexOf('.') + 1);
        return new Asset(MEDIA_TYPES.getOrDefault(extension, "application/octet-stream"), bytes, gzip(bytes));
    }

    private static String read(String name) {
        return new String(bytes(name), StandardCharsets.UTF_8);
    }

    private static byte[] bytes(String name) {
        try (InputStream in = ConsoleAssets.class.getClassLoader().getResourceAsStream("console/" + name)) {
            if (in == null) {
                throw new IllegalStateException("console/" + name + " is listed in console/assets.list but not packaged");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] gzip(byte[] bytes) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream zip = new GZIPOutputStream(out)) {
            zip.write(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
