package io.lodestar.diagnostics.testing;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/** Reads small test ZIPs fully into memory (name to bytes). */
public final class Zips {

    private Zips() {
    }

    public static Map<String, byte[]> read(Path zip) throws IOException {
        try (InputStream in = Files.newInputStream(zip)) {
            return read(in);
        }
    }

    public static Map<String, byte[]> read(byte[] zip) throws IOException {
        return read(new ByteArrayInputStream(zip));
    }

    private static Map<String, byte[]> read(InputStream in) throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (ZipInputStream zip = new ZipInputStream(in)) {
            for (ZipEntry e; (e = zip.getNextEntry()) != null; ) {
                entries.put(e.getName(), zip.readAllBytes());
            }
        }
        return entries;
    }

    public static String text(Map<String, byte[]> entries, String name) {
        return new String(entries.get(name), StandardCharsets.UTF_8);
    }
}
