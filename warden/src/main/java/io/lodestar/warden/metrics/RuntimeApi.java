package io.lodestar.warden.metrics;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

/** GETs and POSTs to a runtime's own HTTP API, with its credentials in headers; answers are JSON or bytes. */
final class RuntimeApi {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** A non-2xx answer; the message names the path and status, never the credentials. */
    static final class Refused extends IOException {
        final int status;

        Refused(String path, int status) {
            super(status + " from " + path + (status == 401 ? " (the credentials were refused)" : ""));
            this.status = status;
        }
    }

    private final HttpClient client;
    private final URI base;
    private final Duration timeout;

    RuntimeApi(URI base, Duration timeout) {
        this.client = HttpClient.newBuilder().connectTimeout(timeout).build();
        this.base = base;
        this.timeout = timeout;
    }

    /** The API's root: the health URL without its path ({@code http://127.0.0.1:3000/ping} → {@code http://127.0.0.1:3000}). */
    static URI baseOf(String healthUrl) {
        return URI.create(healthUrl).resolve("/");
    }

    JsonNode json(String path, Map<String, String> headers) throws IOException {
        return JSON.readTree(text(path, headers));
    }

    String text(String path, Map<String, String> headers) throws IOException {
        return new String(send(HttpRequest.newBuilder(base.resolve(path)).GET(), path, headers), java.nio.charset.StandardCharsets.UTF_8);
    }

    byte[] post(String path, Map<String, String> headers, String jsonBody, Duration longer) throws IOException {
        return send(HttpRequest.newBuilder(base.resolve(path)).timeout(longer).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(jsonBody)), path, headers);
    }

    private byte[] send(HttpRequest.Builder request, String path, Map<String, String> headers) throws IOException {
        headers.forEach(request::header);
        HttpRequest built = request.build();
        if (built.timeout().isEmpty()) {
            built = HttpRequest.newBuilder(built, (name, value) -> true).timeout(timeout).build();
        }
        try {
            HttpResponse<byte[]> response = client.send(built, HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() / 100 != 2) {
                throw new Refused(path, response.statusCode());
            }
            return response.body();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while reading " + path, e);
        }
    }
}
