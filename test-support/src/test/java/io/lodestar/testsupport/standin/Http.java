package io.lodestar.testsupport.standin;

import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.Proxy;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** A tiny HTTP client for asserting on the stand-in's answers. */
record Http(int status, String body) {

    static Http get(int port, String path) throws IOException {
        return get(port, path, Map.of());
    }

    static Http get(int port, String path, Map<String, String> headers) throws IOException {
        HttpURLConnection connection = (HttpURLConnection) URI.create("http://127.0.0.1:" + port + path)
                .toURL().openConnection(Proxy.NO_PROXY);
        connection.setConnectTimeout(1_000);
        connection.setReadTimeout(2_000);
        headers.forEach(connection::setRequestProperty);
        try {
            int status = connection.getResponseCode();
            InputStream stream = status >= 400 ? connection.getErrorStream() : connection.getInputStream();
            String body = stream == null ? "" : new String(stream.readAllBytes(), StandardCharsets.UTF_8);
            return new Http(status, body);
        } finally {
            connection.disconnect();
        }
    }

    /** POSTs a JSON body; the answer's bytes as text. */
    static Http post(int port, String path, Map<String, String> headers, String json) throws IOException {
        Raw raw = postRaw(port, path, headers, json);
        return new Http(raw.status(), new String(raw.body(), StandardCharsets.UTF_8));
    }

    /** An answer as bytes, with its content type, for binary bodies such as a ZIP. */
    record Raw(int status, String contentType, String disposition, byte[] body) {
    }

    static Raw postRaw(int port, String path, Map<String, String> headers, String json) throws IOException {
        HttpURLConnection connection = (HttpURLConnection) URI.create("http://127.0.0.1:" + port + path)
                .toURL().openConnection(Proxy.NO_PROXY);
        connection.setConnectTimeout(1_000);
        connection.setReadTimeout(20_000);
        connection.setRequestMethod("POST");
        connection.setDoOutput(true);
        connection.setRequestProperty("Content-Type", "application/json");
        headers.forEach(connection::setRequestProperty);
        try {
            connection.getOutputStream().write(json.getBytes(StandardCharsets.UTF_8));
            int status = connection.getResponseCode();
            InputStream stream = status >= 400 ? connection.getErrorStream() : connection.getInputStream();
            byte[] body = stream == null ? new byte[0] : stream.readAllBytes();
            return new Raw(status, connection.getContentType(), connection.getHeaderField("Content-Disposition"), body);
        } finally {
            connection.disconnect();
        }
    }

    /** Retries until the port answers at all, whatever the status. */
    static Http getWhenListening(int port, String path, long timeoutMillis) throws Exception {
        long deadline = System.currentTimeMillis() + timeoutMillis;
        while (true) {
            try {
                return get(port, path);
            } catch (IOException e) {
                if (System.currentTimeMillis() > deadline) {
                    throw e;
                }
                Thread.sleep(10);
            }
        }
    }
}
